package org.rightsflow.connector;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.rightsflow.support.DataCipher;
import org.rightsflow.support.SealedFile;
import org.rightsflow.support.SealedFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The personal data found for a request, until the answer delivers it: the content in a sealed file (encrypted,
 * streamed), its metadata in {@code access_data}. Rows written before sealed files existed keep their cipher text
 * in the table and are still read. Plain JDBC: the cipher text column is a large text that JPA's schema validation
 * would read differently on H2 and PostgreSQL.
 */
@Component
class AccessDataStore {

    static final String KIND = "access-data";

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final SealedFiles files;
    private final Clock clock;

    AccessDataStore(JdbcTemplate jdbc, DataCipher cipher, SealedFiles files, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.files = files;
        this.clock = clock;
    }

    long store(long stepId, String reference, String fileName, String mediaType, byte[] content, boolean uploaded) {
        SealedFile sealed;
        try {
            sealed = files.write(KIND, out -> out.write(content));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the data found (" + e.getMessage() + ")", e);
        }
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into access_data (step_id, request_reference, "
                    + "file_name, media_type, size_bytes, key_id, storage_id, created_at, origin) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            statement.setLong(1, stepId);
            statement.setString(2, reference);
            statement.setString(3, fileName);
            statement.setString(4, mediaType);
            statement.setLong(5, content.length);
            statement.setString(6, sealed.keyId());
            statement.setString(7, sealed.id());
            statement.setTimestamp(8, Timestamp.from(now));
            statement.setString(9, uploaded ? "UPLOAD" : "CONNECTOR");
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    List<AccessFile> filesOf(String reference) {
        return jdbc.query("select d.id, d.request_reference, d.step_id, s.system_id, d.file_name, d.media_type, "
                        + "d.size_bytes, d.created_at, d.origin from access_data d join fulfilment_step s on s.id = d.step_id "
                        + "where d.request_reference = ? order by d.id",
                (row, n) -> new AccessFile(row.getLong("id"), row.getString("request_reference"), row.getLong("step_id"),
                        row.getLong("system_id"), row.getString("file_name"), row.getString("media_type"),
                        row.getLong("size_bytes"), row.getTimestamp("created_at").toInstant(),
                        "UPLOAD".equals(row.getString("origin"))),
                reference);
    }

    /** The decrypted content as a stream; the caller closes it. */
    InputStream open(long id) throws IOException {
        record Stored(String keyId, String storageId, String cipherText) {
        }
        Stored stored = jdbc.queryForObject("select key_id, storage_id, cipher_text from access_data where id = ?",
                (row, n) -> new Stored(row.getString(1), row.getString(2), row.getString(3)), id);
        if (stored.storageId() != null) {
            return files.open(stored.storageId());
        }
        return new ByteArrayInputStream(cipher.decrypt(stored.keyId(), stored.cipherText()));
    }

    byte[] read(long id) {
        try (InputStream in = open(id)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read access data " + id + " (" + e.getMessage() + ")", e);
        }
    }

    /** Deletes what was found for a request, content and metadata; returns how many files were deleted. */
    int deleteFor(String reference) {
        List<String> storageIds = jdbc.queryForList(
                "select storage_id from access_data where request_reference = ? and storage_id is not null",
                String.class, reference);
        for (String storageId : storageIds) {
            try {
                files.delete(storageId);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + storageId + " (" + e.getMessage() + ")", e);
            }
        }
        return jdbc.update("delete from access_data where request_reference = ?", reference);
    }
}
