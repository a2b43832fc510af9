package org.rightsflow.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.rightsflow.support.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Flyway V11.1: seals the outbox rows written in clear before V11. Spring Boot hands every {@link JavaMigration} bean
 * to Flyway, so this one gets the application's {@link FieldCipher}.
 *
 * <p>An old body carried its secrets in clear. It becomes the staff copy with the portal's secret links (and a
 * download email's code) replaced by their labels, found by their shape ({@link SecretLinks}). A message still
 * waiting to be sent keeps its old body as the deliverable one, sealed, so the subject still receives what was
 * promised; a sent or failed one keeps none.
 */
@Component
class OutboxResealMigration implements JavaMigration {

    private static final int PAGE = 500;

    private final FieldCipher cipher;

    OutboxResealMigration(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11.1");
    }

    @Override
    public String getDescription() {
        return "seal outbox messages";
    }

    @Override
    public Integer getChecksum() {
        return 1101;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long after = Long.MIN_VALUE;
        try (PreparedStatement page = connection.prepareStatement("select id, kind, recipient, body, status, last_error "
                + "from outbox_message where id > ? order by id fetch first " + PAGE + " rows only");
             PreparedStatement update = connection.prepareStatement("update outbox_message set recipient = ?, "
                     + "body = ?, deliverable_body = ?, last_error = ? where id = ?")) {
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        after = row.getLong("id");
                        MailKind kind = MailKind.valueOf(row.getString("kind"));
                        String body = row.getString("body");
                        boolean waiting = switch (MessageStatus.valueOf(row.getString("status"))) {
                            case PENDING, SENDING -> true;
                            case SENT, FAILED -> false;
                        };
                        update.setString(1, cipher.seal(row.getString("recipient"), OutboxMessage.RECIPIENT));
                        update.setString(2, cipher.seal(SecretLinks.redactLegacy(kind, body), OutboxMessage.BODY));
                        update.setString(3, waiting ? cipher.seal(body, OutboxMessage.DELIVERABLE_BODY) : null);
                        update.setString(4, cipher.seal(row.getString("last_error"), OutboxMessage.LAST_ERROR));
                        update.setLong(5, after);
                        update.addBatch();
                    }
                }
                if (rows == 0) {
                    return;
                }
                update.executeBatch();
            }
        }
    }
}
