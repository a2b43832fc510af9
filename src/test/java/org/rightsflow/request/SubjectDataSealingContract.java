package org.rightsflow.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Actors;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database written by the version before issue 10 (the demo's H2 file of {@code mvn spring-boot:run}): its requests,
 * clarification messages and appeals hold the subject's data in clear. Migration 12 seals them on start-up, drops the
 * clear columns, and everything reads as before, including finding the same person's open request by their address
 * in another case. Run on H2 ({@link SubjectDataSealingIntegrationTest}) and PostgreSQL
 * ({@link SubjectDataSealingPostgresIntegrationTest}).
 */
abstract class SubjectDataSealingContract {

    static final String REFERENCE = "DSR-2026-000901";

    /** Migrates the database to the last version before 12 and writes a request as that version did. */
    static void writeAsTheOldVersion(DriverManagerDataSource old) {
        // Everything before migration 12, as the old version left the schema.
        MigrationVersion twelve = MigrationVersion.fromVersion("12");
        MigrationVersion before = Arrays.stream(Flyway.configure().dataSource(old).load().info().all())
                .map(MigrationInfo::getVersion).filter(version -> twelve.isNewerThan(version))
                .max(MigrationVersion::compareTo).orElseThrow();
        Flyway.configure().dataSource(old).target(before).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(old);
        jdbc.update("""
                insert into dsr_request (reference, status_token_hash, status_token_salt, request_type, regime,
                    subject_email, subject_name, subject_account_id, details, channel, received_at, clock_started_at,
                    due_date, extended_due_date, statutory_right, status, version)
                values (?, 'ab12', 'cd34', 'ACCESS', 'GDPR', 'Marguerite.Old@Example.com', 'Marguerite Oldfield',
                    'M-7788', 'All my orders, please.', 'WEB_FORM', current_timestamp, current_timestamp,
                    current_date + 30, current_date + 90, true, 'IN_PROGRESS', 0)""", REFERENCE);
        jdbc.update("insert into request_message (request_reference, from_subject, author, body, created_at) "
                + "values (?, true, 'subject', 'The account I opened in 2019.', current_timestamp)", REFERENCE);
        jdbc.update("insert into request_appeal (request_reference, statement, appealed_at, due_on) "
                + "values (?, 'You left out my orders.', current_timestamp, current_date + 45)", REFERENCE);
    }

    @Autowired
    RequestDirectory requests;

    @Autowired
    RequestIntake intake;

    @Autowired
    Duplicates duplicates;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rowsWrittenInClearBeforeTheMigrationAreSealedAndStillRead() {
        RequestDetails request = requests.get(REFERENCE);
        assertThat(request.subject()).isEqualTo(new SubjectIdentity("Marguerite.Old@Example.com", "Marguerite Oldfield",
                "M-7788"));
        assertThat(request.details()).isEqualTo("All my orders, please.");
        assertThat(requests.messages(REFERENCE)).extracting(MessageView::body)
                .containsExactly("The account I opened in 2019.");
        assertThat(requests.appeal(REFERENCE)).get().extracting(AppealView::statement)
                .isEqualTo("You left out my orders.");

        List<String> columns = jdbc.queryForList("select lower(column_name) from information_schema.columns "
                + "where lower(table_name) in ('dsr_request', 'request_message', 'request_appeal')", String.class);
        assertThat(columns).contains("subject_email_sealed", "subject_email_hash", "body_sealed", "statement_sealed")
                .doesNotContain("subject_email", "subject_name", "subject_account_id", "details", "body", "statement");
        Map<String, Object> row = jdbc.queryForMap("select * from dsr_request where reference = ?", REFERENCE);
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContainIgnoringCase("marguerite").doesNotContain("M-7788", "orders"));
        assertThat(String.valueOf(jdbc.queryForMap("select * from request_message where request_reference = ?",
                REFERENCE))).doesNotContain("2019");

        String again = intake.submit(new NewRequest(RequestType.ACCESS, Regime.GDPR,
                new SubjectIdentity("marguerite.old@example.com", "Marguerite Oldfield", null), "Again.",
                Channel.WEB_FORM, null, Actors.SUBJECT)).request().reference();
        assertThat(duplicates.originalOf(again)).as("found by the keyed hash of the migrated address")
                .contains(REFERENCE);
    }
}
