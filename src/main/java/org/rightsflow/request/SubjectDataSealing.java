package org.rightsflow.request;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
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
class SubjectDataSealing implements JavaMigration {

    private final PersonalFields fields;

    SubjectDataSealing(PersonalFields fields) {
        this.fields = fields;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12.2");
    }

    @Override
    public String getDescription() {
        return "seal subject data";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        sealRequests(connection);
        seal(connection, "request_message", "body", "body_sealed", PersonalFields.MESSAGE_BODY);
        seal(connection, "request_appeal", "statement", "statement_sealed", PersonalFields.APPEAL_STATEMENT);
    }

    private void sealRequests(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, subject_email, subject_name, subject_account_id, details from dsr_request");
             PreparedStatement update = connection.prepareStatement("update dsr_request set subject_email_sealed = ?, "
                     + "subject_email_hash = ?, subject_name_sealed = ?, subject_account_id_sealed = ?, "
                     + "details_sealed = ? where id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String email = rows.getString("subject_email");
                update.setString(1, fields.seal(email, PersonalFields.SUBJECT_EMAIL));
                update.setString(2, fields.emailHash(email));
                update.setString(3, fields.seal(rows.getString("subject_name"), PersonalFields.SUBJECT_NAME));
                update.setString(4, fields.seal(rows.getString("subject_account_id"), PersonalFields.SUBJECT_ACCOUNT_ID));
                update.setString(5, fields.seal(rows.getString("details"), PersonalFields.DETAILS));
                update.setLong(6, rows.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private void seal(Connection connection, String table, String clear, String sealed, String context)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id, " + clear + " from " + table);
             PreparedStatement update = connection.prepareStatement("update " + table + " set " + sealed + " = ? "
                     + "where id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                update.setString(1, fields.seal(rows.getString(clear), context));
                update.setLong(2, rows.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
