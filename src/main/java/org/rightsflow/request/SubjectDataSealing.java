package org.rightsflow.request;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.rightsflow.support.SealingMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 12.2: seals the personal data an earlier version kept in clear (a demo H2 file database, a
 * PostgreSQL in use), between V12.1, which adds the sealed columns, and V12.3, which drops the clear ones.
 *
 * <p>A Java migration, not a start-up step, because it needs the data keys and must run exactly once, inside
 * Flyway's run and before JPA validates the schema: the application never has to read both forms, and the clear
 * columns are gone by the time anything else starts. It is a Spring bean (Spring Boot hands every {@link JavaMigration}
 * bean to Flyway) so it can use {@link PersonalFields}, the same contexts and keyed hash the request module writes
 * with.
 */
@Component
class SubjectDataSealing extends SealingMigration {

    private final PersonalFields fields;

    SubjectDataSealing(PersonalFields fields) {
        super("12.2", "seal subject data", null);
        this.fields = fields;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        rewriteRows(connection, "dsr_request", "subject_email, subject_name, subject_account_id, details",
                "update dsr_request set subject_email_sealed = ?, subject_email_hash = ?, subject_name_sealed = ?, "
                        + "subject_account_id_sealed = ?, details_sealed = ? where id = ?",
                (row, update) -> {
                    String email = row.getString("subject_email");
                    update.setString(1, fields.seal(email, PersonalFields.SUBJECT_EMAIL));
                    update.setString(2, fields.emailHash(email));
                    update.setString(3, fields.seal(row.getString("subject_name"), PersonalFields.SUBJECT_NAME));
                    update.setString(4, fields.seal(row.getString("subject_account_id"),
                            PersonalFields.SUBJECT_ACCOUNT_ID));
                    update.setString(5, fields.seal(row.getString("details"), PersonalFields.DETAILS));
                    update.setLong(6, row.getLong("id"));
                });
        sealColumn(connection, "request_message", "body", "body_sealed", PersonalFields.MESSAGE_BODY);
        sealColumn(connection, "request_appeal", "statement", "statement_sealed", PersonalFields.APPEAL_STATEMENT);
    }

    private void sealColumn(Connection connection, String table, String clear, String sealed, String context)
            throws SQLException {
        rewriteRows(connection, table, clear, "update " + table + " set " + sealed + " = ? where id = ?",
                (row, update) -> {
                    update.setString(1, fields.seal(row.getString(clear), context));
                    update.setLong(2, row.getLong("id"));
                });
    }
}
