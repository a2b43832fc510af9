package org.rightsflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.ThrowingConsumer;

/**
 * Files in the application's database ({@code rightsflow.storage.kind: database}, the default), so that a file
 * written on one node is read on any other: the bytes in {@code stored_file_chunks}, {@value #CHUNK} bytes a row,
 * and one row in {@code stored_files} that makes the file exist. Portable SQL (a {@code bytea} column, binary on
 * H2), no large objects.
 *
 * <p><b>Writing</b> joins the caller's transaction, or runs in one of its own: the {@code stored_files} row is
 * inserted after the last chunk, so no reader sees a file before it is complete, and a file sealed for a package
 * whose transaction rolls back is gone with it. A writer that fails has its chunks deleted in that same transaction
 * (without marking a joined transaction for rollback: the caller decides what its failure means).
 *
 * <p><b>Reading</b> fetches one chunk at a time, each in a short query of its own outside a transaction, so a slow
 * download holds no connection while the client reads. Memory per stream: one chunk (and the driver's copy while it
 * arrives).
 */
final class DatabaseFileStore implements FileStore {

    /**
     * Four of Tink's 64 KiB segments: big enough that a 100 MB package is 400 rows, small enough that 50 downloads
     * at once hold some 13 MB of chunks.
     */
    static final int CHUNK = 256 * 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    DatabaseFileStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void write(String id, ThrowingConsumer<OutputStream> writer) throws IOException {
        Throwable failure = transactions.execute(status -> {
            ChunkWriter chunks = new ChunkWriter(id);
            try {
                Streams.runWriter(writer, chunks);
                chunks.finish();
                return null;
            } catch (Throwable writerFailure) {
                try {
                    // Only the chunks this writer inserted: a duplicate id (two nodes importing one directory) must
                    // not take the other writer's chunks with it.
                    jdbc.update("delete from stored_file_chunks where file_id = ? and chunk_no < ?", id, chunks.chunks);
                } catch (RuntimeException cleanup) {
                    // The transaction itself failed (PostgreSQL refuses every statement after an error): roll back.
                    writerFailure.addSuppressed(cleanup);
                    status.setRollbackOnly();
                }
                return writerFailure;
            }
        });
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException("The writer of a stored file failed", failure);
        }
    }

    @Override
    public InputStream open(String id) throws IOException {
        List<Integer> chunks = jdbc.queryForList("select chunks from stored_files where id = ?", Integer.class, id);
        if (chunks.isEmpty()) {
            throw new NoSuchFileException(id);
        }
        return new ChunkReader(id, chunks.get(0));
    }

    @Override
    public void delete(String id) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from stored_files where id = ?", id);
            jdbc.update("delete from stored_file_chunks where file_id = ?", id);
        });
    }

    @Override
    public boolean exists(String id) {
        return !jdbc.queryForList("select 1 from stored_files where id = ?", Integer.class, id).isEmpty();
    }

    @Override
    public long size(String id) throws IOException {
        List<Long> size = jdbc.queryForList("select size_bytes from stored_files where id = ?", Long.class, id);
        if (size.isEmpty()) {
            throw new NoSuchFileException(id);
        }
        return size.get(0);
    }

    /** Collects a chunk, inserts it when full; {@link #finish()} inserts the last one and the file's row. */
    private final class ChunkWriter extends OutputStream {

        private final String id;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int chunks;
        private long size;
        private boolean finished;

        ChunkWriter(String id) {
            this.id = id;
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            buffer[filled++] = (byte) b;
            size++;
            if (filled == CHUNK) {
                insertChunk();
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            ensureOpen();
            while (length > 0) {
                int n = Math.min(length, CHUNK - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                size += n;
                offset += n;
                length -= n;
                if (filled == CHUNK) {
                    insertChunk();
                }
            }
        }

        /** Closing is the store's business (after the writer returned), not the writer's or Tink's. */
        @Override
        public void close() {
        }

        void finish() throws IOException {
            ensureOpen();
            if (filled > 0) {
                insertChunk();
            }
            finished = true;
            jdbc.update("insert into stored_files (id, size_bytes, chunks, created_at) values (?, ?, ?, current_timestamp)",
                    id, size, chunks);
        }

        private void insertChunk() {
            byte[] content = filled == CHUNK ? buffer : Arrays.copyOf(buffer, filled);
            jdbc.update("insert into stored_file_chunks (file_id, chunk_no, content) values (?, ?, ?)",
                    id, chunks, content);
            chunks++;
            filled = 0;
        }

        private void ensureOpen() throws IOException {
            if (finished) {
                throw new IOException("This stored file is complete");
            }
        }
    }

    /** Reads chunk after chunk, each fetched when the one before is used up. */
    private final class ChunkReader extends InputStream {

        private final String id;
        private final int chunks;
        private int next;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean closed;

        ChunkReader(String id, int chunks) {
            this.id = id;
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            return available() > 0 || fetch() ? chunk[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length == 0) {
                return 0;
            }
            if (available() == 0 && !fetch()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, bytes, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() throws IOException {
            if (closed) {
                throw new IOException("Stream closed");
            }
            return chunk.length - position;
        }

        @Override
        public void close() {
            closed = true;
            chunk = new byte[0];
        }

        /** Fetches the next non-empty chunk; false at the end of the file. */
        private boolean fetch() throws IOException {
            while (position == chunk.length) {
                if (next == chunks) {
                    return false;
                }
                List<byte[]> found;
                try {
                    found = jdbc.queryForList("select content from stored_file_chunks where file_id = ? and chunk_no = ?",
                            byte[].class, id, next);
                } catch (RuntimeException e) {
                    throw new IOException("Could not read chunk " + next + " of stored file " + id, e);
                }
                if (found.isEmpty()) {
                    throw new IOException("Chunk " + next + " of stored file " + id + " is missing: the file was "
                            + "deleted while it was read, or damaged");
                }
                chunk = found.get(0);
                position = 0;
                next++;
            }
            return true;
        }
    }
}
