package org.rightsflow.connector;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.rightsflow.support.DataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Encrypted storage of the personal data found for a request, until the answer delivers it. Plain JDBC: the
 * cipher text is a large text column that JPA's schema validation would read differently on H2 and PostgreSQL.
 */
@Component
class AccessDataStore {

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final Clock clock;

    AccessDataStore(JdbcTemplate jdbc, DataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    long store(long stepId, String reference, String fileName, String mediaType, byte[] content) {
        String sealed = cipher.encrypt(content);
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into access_data (step_id, request_reference, "
                    + "file_name, media_type, size_bytes, key_id, cipher_text, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            statement.setLong(1, stepId);
            statement.setString(2, reference);
            statement.setString(3, fileName);
            statement.setString(4, mediaType);
            statement.setLong(5, content.length);
            statement.setString(6, cipher.currentKeyId());
            statement.setString(7, sealed);
            statement.setTimestamp(8, Timestamp.from(now));
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    List<AccessFile> filesOf(String reference) {
        return jdbc.query("select d.id, d.request_reference, d.step_id, s.system_id, d.file_name, d.media_type, "
                        + "d.size_bytes, d.created_at from access_data d join fulfilment_step s on s.id = d.step_id "
                        + "where d.request_reference = ? order by d.id",
                (row, n) -> new AccessFile(row.getLong("id"), row.getString("request_reference"), row.getLong("step_id"),
                        row.getLong("system_id"), row.getString("file_name"), row.getString("media_type"),
                        row.getLong("size_bytes"), row.getTimestamp("created_at").toInstant()),
                reference);
    }

    byte[] read(long id) {
        return jdbc.queryForObject("select key_id, cipher_text from access_data where id = ?",
                (row, n) -> cipher.decrypt(row.getString("key_id"), row.getString("cipher_text")), id);
    }
}
