package org.rightsflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.support.FieldCipher;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database written by the version before V11 (the outbox in clear) migrated by Flyway with the V11.1 re-seal: the
 * rows open with the application's cipher, staff copies show labels, a waiting message can still be delivered, and
 * nothing of the old clear values is left in the table. On H2 (the demo's database) and PostgreSQL.
 */
class OutboxResealMigrationTest {

    private static final FieldCipher CIPHER = new FieldCipher("test=" + "B".repeat(43) + "=");
    private static final String STATUS_LINK = "http://localhost:8080/status/c3RhdHVzLXRva2VuLW9mLWFuLW9sZC1yb3c";
    private static final String VERIFY_LINK = "http://localhost:8080/verify/dmVyaWZ5LXRva2VuLW9mLWFuLW9sZC1yb3c";
    private static final String PREFERENCE_LINK = "http://localhost:8080/preferences/cHJlZmVyZW5jZS10b2tlbg";
    private static final String CODE = "731902";

    abstract static class OnADatabase {

        abstract JdbcTemplate database();

        abstract Supplier<FluentConfiguration> flyway();

        @Test
        void oldRowsAreSealedAndRedactedAndAWaitingMessageCanStillBeDelivered() {
            JdbcTemplate jdbc = database();
            migrate("10");
            long waiting = insert(jdbc, "ACKNOWLEDGEMENT", "PENDING", "jo@example.com",
                    "Dear Jo,\n\nFollow your request at any time:\n" + STATUS_LINK + "\n", null);
            long verification = insert(jdbc, "VERIFICATION", "SENT", "jo@example.com",
                    "Dear Jo,\n\nOpen this link:\n\n" + VERIFY_LINK + "\n\nFollow your request:\n" + STATUS_LINK + "\n",
                    null);
            long code = insert(jdbc, "DOWNLOAD_CODE", "SENT", "jo@example.com",
                    "Dear Jo,\n\nYour code to download your data is:\n\n    " + CODE + "\n\nYour request:\n"
                            + STATUS_LINK + "\n", null);
            long failed = insert(jdbc, "PREFERENCES_LINK", "FAILED", "sam@example.com",
                    "Hello,\n\nOpen it:\n" + PREFERENCE_LINK + "\n", "550 <sam@example.com> unknown");

            migrate(null);

            assertThat(open(jdbc, waiting, "body", OutboxMessage.BODY))
                    .isEqualTo("Dear Jo,\n\nFollow your request at any time:\n[private status link]\n");
            assertThat(open(jdbc, waiting, "deliverable_body", OutboxMessage.DELIVERABLE_BODY))
                    .as("the subject still receives the link").contains(STATUS_LINK);
            assertThat(open(jdbc, waiting, "recipient", OutboxMessage.RECIPIENT)).isEqualTo("jo@example.com");
            assertThat(open(jdbc, verification, "body", OutboxMessage.BODY))
                    .contains("[one-time verification link]", "[private status link]")
                    .doesNotContain("/verify/", "/status/");
            assertThat(open(jdbc, code, "body", OutboxMessage.BODY)).contains("    [download code]\n")
                    .doesNotContain(CODE);
            assertThat(open(jdbc, failed, "body", OutboxMessage.BODY)).contains("[preference-center link]");
            assertThat(open(jdbc, failed, "last_error", OutboxMessage.LAST_ERROR)).isEqualTo("550 <sam@example.com> unknown");
            for (long sentOrFailed : List.of(verification, code, failed)) {
                assertThat(jdbc.queryForObject("select deliverable_body from outbox_message where id = ?", String.class,
                        sentOrFailed)).isNull();
            }
            assertThat(jdbc.queryForList("select * from outbox_message")).allSatisfy(row -> assertThat(row.values())
                    .allSatisfy(value -> assertThat(String.valueOf(value))
                            .doesNotContain("example.com", "Dear Jo", "c3RhdHVz", "dmVyaWZ5", "cHJlZmVyZW5j", CODE)));
        }

        private void migrate(String target) {
            FluentConfiguration configuration = flyway().get()
                    .locations("classpath:db/migration")
                    .javaMigrations(new OutboxResealMigration(CIPHER));
            if (target != null) {
                configuration.target(target);
            }
            configuration.load().migrate();
        }

        private static long insert(JdbcTemplate jdbc, String kind, String status, String recipient, String body,
                                   String lastError) {
            jdbc.update("insert into outbox_message (request_reference, kind, recipient, subject, body, status, "
                    + "attempts, next_attempt_at, last_error, created_at) values ('DSR-2026-000001', ?, ?, 'Old', ?, ?, "
                    + "1, current_timestamp, ?, current_timestamp)", kind, recipient, body, status, lastError);
            return jdbc.queryForObject("select max(id) from outbox_message", Long.class);
        }

        private static String open(JdbcTemplate jdbc, long id, String column, String context) {
            return CIPHER.open(jdbc.queryForObject("select " + column + " from outbox_message where id = ?",
                    String.class, id), context);
        }
    }

    @Nested
    class OnH2 extends OnADatabase {

        private final String url = "jdbc:h2:mem:outbox-reseal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        @Override
        JdbcTemplate database() {
            return new JdbcTemplate(new SingleConnectionDataSource(url, "sa", "", true));
        }

        @Override
        Supplier<FluentConfiguration> flyway() {
            return () -> Flyway.configure().dataSource(url, "sa", "");
        }
    }

    @Nested
    @ExtendWith(PostgresTestDatabase.class)
    class OnPostgres extends OnADatabase {

        private static final String SCHEMA = "outbox_reseal_test";

        @Override
        JdbcTemplate database() {
            try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD); Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(PostgresTestDatabase.URL,
                    PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD, true);
            dataSource.setSchema(SCHEMA);
            return new JdbcTemplate(dataSource);
        }

        @Override
        Supplier<FluentConfiguration> flyway() {
            return () -> Flyway.configure().dataSource(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD).schemas(SCHEMA).createSchemas(true);
        }
    }
}
