package org.rightsflow.notification;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.rightsflow.support.FieldCipher;
import org.rightsflow.support.SealingMigration;
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
class OutboxResealMigration extends SealingMigration {

    private final FieldCipher cipher;

    OutboxResealMigration(FieldCipher cipher) {
        super("11.1", "seal outbox messages", 1101);
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        rewriteRows(context.getConnection(), "outbox_message", "kind, recipient, body, status, last_error",
                "update outbox_message set recipient = ?, body = ?, deliverable_body = ?, last_error = ? where id = ?",
                (row, update) -> {
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
                    update.setLong(5, row.getLong("id"));
                });
    }
}
