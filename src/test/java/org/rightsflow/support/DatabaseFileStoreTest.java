package org.rightsflow.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.RetainedHeap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database store on H2 (a file database, as the embedded default runs) and on PostgreSQL, with the tables of
 * the real migrations: chunked round trips, a 50 MB sealed file streamed in both directions in bounded heap, a
 * tampered, swapped or missing chunk refused by the seal, deletion, writes that join the caller's transaction, a
 * download that holds no connection between chunks, and the move of an earlier version's directory into the
 * database.
 */
class DatabaseFileStoreTest {

    private static final int CHUNK = DatabaseFileStore.CHUNK;
    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final String KEYS = "k=" + Base64.getEncoder().encodeToString(new byte[32]);

    abstract static class OnADatabase {

        @TempDir
        Path directory;

        HikariDataSource dataSource;
        JdbcTemplate jdbc;
        DataSourceTransactionManager transactions;
        FileStore store;
        SealedFiles files;

        /** The pool of a new, migrated database. */
        abstract HikariDataSource migratedDatabase(int poolSize);

        /**
         * Whether the database keeps its data outside this JVM's heap, so that the heap measured is the stream's.
         * Embedded H2 does not: it holds an open transaction's pages in the heap until it commits.
         */
        boolean dataOutsideTheHeap() {
            return true;
        }

        @BeforeEach
        void storeOnAMigratedDatabase() {
            dataSource = migratedDatabase(2);
            jdbc = new JdbcTemplate(dataSource);
            transactions = new DataSourceTransactionManager(dataSource);
            store = FileStore.database(jdbc, transactions);
            files = new SealedFiles(new DataCipher(KEYS), Clock.systemUTC(), store);
        }

        @AfterEach
        void closePool() {
            dataSource.close();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5})
        void roundTripsInChunks(int size) throws IOException {
            byte[] content = randomBytes(size, size);

            store.write("upload/" + "ab".repeat(16), out -> {
                if (size > 0) {
                    out.write(content[0]);
                    out.write(content, 1, size - 1);
                }
            });

            String id = "upload/" + "ab".repeat(16);
            assertThat(store.exists(id)).isTrue();
            assertThat(store.size(id)).isEqualTo(size);
            assertThat(jdbc.queryForObject("select count(*) from stored_file_chunks where file_id = ?", Integer.class,
                    id)).isEqualTo((size + CHUNK - 1) / CHUNK);
            try (InputStream in = store.open(id)) {
                assertThat(in.readAllBytes()).isEqualTo(content);
                assertThat(in.read()).isEqualTo(-1);
            }
        }

        @Test
        void aSealedFileRoundTripsAndNothingOfItsPlainTextIsInTheTable() throws IOException {
            byte[] content = ("Ada Lovelace, 10 December 1815. ").repeat(20_000).getBytes(UTF_8);

            SealedFile sealed = files.write("access-package", out -> out.write(content));

            assertThat(read(sealed.id())).isEqualTo(content);
            assertThat(sealed.size()).isEqualTo(content.length);
            byte[] stored = storedBytes(sealed.id());
            assertThat(new String(stored, UTF_8)).doesNotContain("Lovelace");
            assertThat(store.size(sealed.id())).isEqualTo(stored.length);
        }

        /**
         * Retained heap, as SealedFilesTest measures it: half-way through sealing and half-way through opening
         * 50 MB. A store that collected the file before inserting it, or fetched it whole, would retain 25 MB or
         * more by then; this one retains a chunk and a few segments.
         */
        @Test
        void fiftyMegabytesAreSealedAndOpenedAChunkAtATimeInBoundedHeap() throws Exception {
            MessageDigest written = MessageDigest.getInstance("SHA-256");
            long before = RetainedHeap.afterFullCollection();
            AtomicLong growthWhileWriting = new AtomicLong();

            SealedFile sealed = files.write("access-package", out -> writeGenerated(out, FIFTY_MB, written,
                    () -> growthWhileWriting.set(RetainedHeap.afterFullCollection() - before)));

            MessageDigest read = MessageDigest.getInstance("SHA-256");
            long growthWhileReading = 0;
            long count = 0;
            try (InputStream in = files.open(sealed.id())) {
                byte[] buffer = new byte[10_007]; // not a divisor of the chunk or the segment size
                for (int n; (n = in.read(buffer)) != -1; count += n) {
                    read.update(buffer, 0, n);
                    if (count < FIFTY_MB / 2 && count + n >= FIFTY_MB / 2) {
                        growthWhileReading = RetainedHeap.afterFullCollection() - before;
                    }
                }
            }
            assertThat(count).isEqualTo(FIFTY_MB);
            assertThat(read.digest()).isEqualTo(written.digest());
            assertThat(jdbc.queryForObject("select chunks from stored_files where id = ?", Integer.class, sealed.id()))
                    .isGreaterThan(200);
            if (dataOutsideTheHeap()) {
                long limit = 16L * 1024 * 1024;
                assertThat(growthWhileWriting.get()).as("heap growth half-way through sealing").isLessThan(limit);
                assertThat(growthWhileReading).as("heap growth half-way through opening").isLessThan(limit);
            }
        }

        @Test
        void aChangedByteInAChunkFailsTheSealAfterReleasingOnlyWhatCameBefore() throws IOException {
            byte[] content = randomBytes(3 * CHUNK + 1000, 7);
            SealedFile sealed = files.write("upload", out -> out.write(content));
            byte[] chunk = chunk(sealed.id(), 2);
            chunk[CHUNK / 2] ^= 0x01;
            jdbc.update("update stored_file_chunks set content = ? where file_id = ? and chunk_no = 2", chunk,
                    sealed.id());

            try (InputStream in = files.open(sealed.id())) {
                ByteArrayOutputStream released = new ByteArrayOutputStream();
                assertThatThrownBy(() -> in.transferTo(released)).isInstanceOf(SealedFileException.class)
                        .hasMessageContaining("failed its check");
                // Nothing of the segment that holds the changed byte, nor after it.
                assertThat(released.size()).isLessThan(2 * CHUNK + CHUNK / 2);
                assertThat(Arrays.equals(released.toByteArray(), Arrays.copyOf(content, released.size()))).isTrue();
            }
        }

        @Test
        void swappedChunksFail() throws IOException {
            SealedFile sealed = files.write("upload", out -> out.write(randomBytes(3 * CHUNK + 1000, 8)));
            byte[] first = chunk(sealed.id(), 1);
            byte[] second = chunk(sealed.id(), 2);
            jdbc.update("update stored_file_chunks set content = ? where file_id = ? and chunk_no = 1", second, sealed.id());
            jdbc.update("update stored_file_chunks set content = ? where file_id = ? and chunk_no = 2", first, sealed.id());

            try (InputStream in = files.open(sealed.id())) {
                assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                        .isInstanceOf(SealedFileException.class);
            }
        }

        @Test
        void aMissingChunkOrAChunkCutShortFails() throws IOException {
            SealedFile missing = files.write("upload", out -> out.write(randomBytes(3 * CHUNK, 9)));
            SealedFile cut = files.write("upload", out -> out.write(randomBytes(3 * CHUNK, 10)));
            jdbc.update("delete from stored_file_chunks where file_id = ? and chunk_no = 1", missing.id());
            jdbc.update("update stored_file_chunks set content = ? where file_id = ? and chunk_no = 2",
                    Arrays.copyOf(chunk(cut.id(), 2), 100), cut.id());

            for (SealedFile damaged : List.of(missing, cut)) {
                try (InputStream in = files.open(damaged.id())) {
                    assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                            .isInstanceOf(SealedFileException.class).hasMessageContaining(damaged.id());
                }
            }
        }

        @Test
        void aFileStoredUnderAnotherIdDoesNotOpen() throws IOException {
            SealedFile upload = files.write("upload", out -> out.write(randomBytes(1000, 11)));
            SealedFile other = files.write("upload", out -> out.write(randomBytes(1000, 12)));
            jdbc.update("update stored_file_chunks set content = ? where file_id = ? and chunk_no = 0",
                    chunk(upload.id(), 0), other.id());

            assertThatThrownBy(() -> files.open(other.id())).isInstanceOf(SealedFileException.class);
        }

        @Test
        void deletedFilesAreGoneFromBothTablesAndADeleteRunsAgainHarmlessly() throws IOException {
            SealedFile kept = files.write("upload", out -> out.write(randomBytes(CHUNK + 1, 13)));
            SealedFile deleted = files.write("access-package", out -> out.write(randomBytes(2 * CHUNK + 1, 14)));

            files.delete(deleted.id());
            files.delete(deleted.id());

            assertThat(files.exists(deleted.id())).isFalse();
            assertThat(files.exists(kept.id())).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from stored_file_chunks where file_id = ?", Integer.class,
                    deleted.id())).isZero();
            assertThatThrownBy(() -> files.open(deleted.id())).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> store.size(deleted.id())).isInstanceOf(NoSuchFileException.class);
            assertThat(read(kept.id())).hasSize(CHUNK + 1);
        }

        @Test
        void aWriterThatFailsMidwayLeavesNoRowsAndItsExceptionPropagates() {
            RuntimeException failure = new IllegalStateException("the connector went away");

            assertThatThrownBy(() -> files.write("upload", out -> {
                out.write(randomBytes(3 * CHUNK, 15)); // chunks are already inserted
                throw failure;
            })).isSameAs(failure);
            assertThatThrownBy(() -> files.write("upload", out -> {
                out.write(1);
                out.close();
                throw new Exception("checked, after closing");
            })).isInstanceOf(IOException.class).hasRootCauseMessage("checked, after closing");

            assertThat(jdbc.queryForObject("select count(*) from stored_files", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from stored_file_chunks", Integer.class)).isZero();
        }

        @Test
        void aWriteJoinsTheCallersTransactionAndAFailedWriterDoesNotSpoilIt() throws IOException {
            TransactionTemplate caller = new TransactionTemplate(transactions);
            SealedFile[] rolledBack = new SealedFile[1];

            caller.executeWithoutResult(status -> {
                try {
                    rolledBack[0] = files.write("access-package", out -> out.write(randomBytes(CHUNK + 1, 16)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                assertThat(files.exists(rolledBack[0].id())).as("visible inside the transaction").isTrue();
                status.setRollbackOnly();
            });
            SealedFile committed = caller.execute(status -> {
                assertThatThrownBy(() -> files.write("upload", out -> {
                    out.write(randomBytes(CHUNK + 1, 17));
                    throw new IllegalStateException("a failed attachment the caller decides to skip");
                })).isInstanceOf(IllegalStateException.class);
                try {
                    return files.write("upload", out -> out.write(randomBytes(10, 18)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(files.exists(rolledBack[0].id())).as("gone with the caller's rollback").isFalse();
            assertThat(read(committed.id())).isEqualTo(randomBytes(10, 18));
            assertThat(jdbc.queryForObject("select count(*) from stored_file_chunks", Integer.class)).isOne();
        }

        /** A slow download holds no connection between chunks: a pool of one still serves other work meanwhile. */
        @Test
        void aStreamBeingReadHoldsNoConnection() throws IOException {
            byte[] content = randomBytes(3 * CHUNK, 19);
            SealedFile sealed = files.write("access-package", out -> out.write(content));
            try (HikariDataSource one = migratedDatabaseOfThisTest(1)) {
                JdbcTemplate oneJdbc = new JdbcTemplate(one);
                SealedFiles onePool = new SealedFiles(new DataCipher(KEYS), Clock.systemUTC(),
                        FileStore.database(oneJdbc, new DataSourceTransactionManager(one)));
                try (InputStream first = onePool.open(sealed.id()); InputStream second = onePool.open(sealed.id())) {
                    byte[] half = first.readNBytes(CHUNK + 7);
                    assertThat(second.readNBytes(2 * CHUNK)).isEqualTo(Arrays.copyOf(content, 2 * CHUNK));
                    assertThat(oneJdbc.queryForObject("select count(*) from stored_files", Integer.class)).isOne();
                    assertThat(half).isEqualTo(Arrays.copyOf(content, CHUNK + 7));
                    assertThat(first.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, CHUNK + 7, content.length));
                }
            }
        }

        @Test
        void filesAnEarlierVersionLeftInTheDirectoryAreMovedIntoTheDatabaseStillSealed() throws IOException {
            Path old = directory.resolve("files");
            SealedFiles onDisk = new SealedFiles(new DataCipher(KEYS), Clock.systemUTC(), FileStore.directory(old));
            SealedFile upload = onDisk.write("upload", out -> out.write("an upload".getBytes(UTF_8)));
            SealedFile pkg = onDisk.write("access-package", out -> out.write(randomBytes(2 * CHUNK + 3, 20)));
            Path partial = old.resolve("upload/.0123456789abcdef0123456789abcdef.partial");
            Files.write(partial, new byte[] {1, 2, 3});
            Files.write(old.resolve("README"), "not a sealed file".getBytes(UTF_8));

            assertThat(new DirectoryImport(old, store).run()).isEqualTo(2);

            assertThat(new String(read(upload.id()), UTF_8)).isEqualTo("an upload");
            assertThat(read(pkg.id())).isEqualTo(randomBytes(2 * CHUNK + 3, 20));
            assertThat(onDisk.exists(upload.id())).isFalse();
            assertThat(onDisk.exists(pkg.id())).isFalse();
            assertThat(partial).exists();
            assertThat(old.resolve("README")).exists();

            // A crash after the copy committed, before the file was deleted: the next start only deletes it.
            Files.createDirectories(old.resolve("upload"));
            Files.write(old.resolve(upload.id()), storedBytes(upload.id()));
            assertThat(new DirectoryImport(old, store).run()).isEqualTo(1);
            assertThat(old.resolve(upload.id())).doesNotExist();
            assertThat(new String(read(upload.id()), UTF_8)).isEqualTo("an upload");
            assertThat(new DirectoryImport(old, store).run()).isZero();
            assertThat(new DirectoryImport(directory.resolve("never-created"), store).run()).isZero();
        }

        /** Another pool on the database of this test (the one {@link #migratedDatabase} made for it). */
        abstract HikariDataSource migratedDatabaseOfThisTest(int poolSize);

        private byte[] read(String id) throws IOException {
            try (InputStream in = files.open(id)) {
                return in.readAllBytes();
            }
        }

        private byte[] chunk(String id, int number) {
            return jdbc.queryForObject("select content from stored_file_chunks where file_id = ? and chunk_no = ?",
                    byte[].class, id, number);
        }

        private byte[] storedBytes(String id) throws IOException {
            try (InputStream in = store.open(id)) {
                return in.readAllBytes();
            }
        }
    }

    @Nested
    class OnH2 extends OnADatabase {

        private String url;

        @Override
        HikariDataSource migratedDatabase(int poolSize) {
            // H2's page cache (16 MB by default) is the database's memory, not the stream's: kept small here, so that
            // the retained heap measured is what the store holds.
            url = "jdbc:h2:file:" + directory.resolve("db-" + UUID.randomUUID()) + ";CACHE_SIZE=2048";
            Flyway.configure().dataSource(url, "sa", "").load().migrate();
            return migratedDatabaseOfThisTest(poolSize);
        }

        @Override
        HikariDataSource migratedDatabaseOfThisTest(int poolSize) {
            return pool(url, "sa", "", null, poolSize);
        }

        @Override
        boolean dataOutsideTheHeap() {
            // The 50 MB written in one transaction sat partly in H2's heap (39 MB half-way in one CI run): the
            // bounded heap of the stream itself is measured on PostgreSQL.
            return false;
        }
    }

    @Nested
    @ExtendWith(PostgresTestDatabase.class)
    class OnPostgres extends OnADatabase {

        private static final String SCHEMA = "stored_files_test";

        @Override
        HikariDataSource migratedDatabase(int poolSize) {
            try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD); Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Flyway.configure().dataSource(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD).schemas(SCHEMA).createSchemas(true).load().migrate();
            return migratedDatabaseOfThisTest(poolSize);
        }

        @Override
        HikariDataSource migratedDatabaseOfThisTest(int poolSize) {
            return pool(PostgresTestDatabase.URL, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD, SCHEMA,
                    poolSize);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, String schema, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setSchema(schema);
        pool.setMaximumPoolSize(size);
        // A stream that kept its connection would make the pool of one wait this long, then fail the test.
        pool.setConnectionTimeout(10_000);
        return pool;
    }

    /** {@code total} pseudo-random bytes in odd-sized pieces from one small buffer; {@code halfway} runs once. */
    private static void writeGenerated(OutputStream out, long total, MessageDigest digest, Runnable halfway)
            throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] piece = new byte[8191];
        for (long written = 0; written < total; ) {
            int n = (int) Math.min(piece.length, total - written);
            random.nextBytes(piece);
            out.write(piece, 0, n);
            digest.update(piece, 0, n);
            if (written < total / 2 && written + n >= total / 2) {
                halfway.run();
            }
            written += n;
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }
}
