package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.RightsflowApplication;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.ConsentLedger;
import org.rightsflow.optout.OptOutBatches;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.security.NewStaffMember;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffRole;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.ProductionSecrets;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile on a real PostgreSQL: the same journey as on H2, with the staff and systems an operator
 * would set up (no demo data exists in this profile), and the refusal to start with demo secrets.
 */
@RightsflowIntegrationTest
@ActiveProfiles("postgres")
@ExtendWith(PostgresTestDatabase.class)
class PostgresJourneyIntegrationTest {

    static final String API_KEY = ProductionSecrets.API_KEY;
    static final String LINK_KEY = ProductionSecrets.LINK_KEY;
    static final String ERASURE_HASH_KEY = ProductionSecrets.ERASURE_HASH_KEY;
    static final String SUPPRESSION_KEY = ProductionSecrets.SUPPRESSION_KEY;
    static final String DATA_KEYS = ProductionSecrets.DATA_KEYS;
    static final String OWNER = "pg-owner";
    static final String OWNER_PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        ProductionSecrets.properties("submit+optouts+read-own").forEach((key, value) -> registry.add(key, () -> value));
    }


    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SystemRegistry systems;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    OptOutBatches batches;

    @BeforeEach
    void setUpLikeAnOperator() {
        if (!systems.exists("pg-shop-db")) {
            systems.save(SystemDefinitions.manual("pg-shop-db", "PG shop database", "Orders and accounts",
                    "pg-shop-team", EnumSet.allOf(RequestType.class), "Find the customer by email.", true));
        }
        if (!systems.exists("pg-support")) {
            systems.save(SystemDefinitions.manual("pg-support", "PG support desk", "Tickets", "pg-support-team",
                    EnumSet.of(RequestType.ACCESS, RequestType.DELETION), "Search tickets by email.", true));
        }
        if (!staff.exists(OWNER)) {
            staff.create(new NewStaffMember(OWNER, OWNER_PASSWORD, "PG Owner", "pg-owner@example.com",
                    EnumSet.of(StaffRole.SYSTEM_OWNER), Set.of("pg-shop-team", "pg-support-team")));
        }
    }

    @Test
    void runsOnPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"ACCESS, GDPR, 2, true", "DELETION, CCPA, 2, true", "RESTRICTION, UK_GDPR, 1, true",
            "OPT_OUT, CCPA, 1, false"})
    void requestTravelsFromTheFormToTheAnswer(String type, String regime, int systemsInScope, boolean verified) {
        Journey journey = new Journey(port, "pg-" + type.toLowerCase());
        journey.submit(type, regime, "Please handle this.");
        journey.awaitMail("We received your request " + journey.reference());
        if (verified) {
            journey.confirmFromEmail();
        }
        journey.completeTasksAs(OWNER, OWNER_PASSWORD, systemsInScope, "DONE", "Handled.");
        String response = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(response).contains("PG shop database: done. Handled.");
        if (systemsInScope == 2) {
            assertThat(response).contains("PG support desk: done. Handled.");
        }
        await().atMost(Journey.PATIENCE).until(() -> "Completed".equals(journey.statusPage().text("#request-status")));
        assertThat(jdbc.queryForObject("select status from dsr_request where reference = ?", String.class,
                journey.reference())).isEqualTo("CLOSED");
    }

    /**
     * The opt-out ledger's batched JDBC writes, generated keys and batch cut on PostgreSQL: 2,000 opt-outs over the
     * API (one duplicate, one malformed), one batch, applied by the owners of the (manual) shop system from the list.
     */
    @Test
    void bulkOptOutsAreRecordedAndCarriedOutInABatch() throws Exception {
        StringBuilder body = new StringBuilder("{\"optOuts\":[");
        for (int i = 0; i < 2_000; i++) {
            body.append(String.format("{\"email\":\"pg-visitor-%d@example.org\",\"source\":\"GPC\"},", i));
        }
        body.append("{\"email\":\"PG-VISITOR-7@example.org\"},{\"email\":\"pg-visitor@\"}]}");
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/optouts"))
                        .header("Content-Type", "application/json").header("X-Api-Key", API_KEY)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"received\":2002", "\"recorded\":2000", "\"duplicates\":1",
                "\"invalid\":1");
        assertThat(ledger.stateOf("pg-visitor-1999@example.org").get(Purpose.SALE_SHARING).source())
                .isEqualTo(SignalSource.GPC);

        BatchView batch = batches.cutWaiting().stream().filter(b -> b.purpose() == Purpose.SALE_SHARING)
                .findFirst().orElseThrow();
        assertThat(batch.size()).isGreaterThanOrEqualTo(2_000);
        WebSession owner = new WebSession(port).login(OWNER, OWNER_PASSWORD);
        String task = await().atMost(Journey.PATIENCE).until(() -> owner.inboxTaskLink(batch.reference(),
                "PG shop database"), found -> found != null);
        assertThat(owner.download("/staff/opt-outs/" + batch.reference() + "/people.csv").text())
                .contains("pg-visitor-0@example.org", "pg-visitor-1999@example.org");
        WebSession.Page taskPage = owner.get(task);
        owner.post(task + "/complete", taskPage, java.util.Map.of("outcome", "DONE", "comment", "Flags set."));
        await().atMost(Journey.PATIENCE).until(() -> batches.get(batch.id()).completedAt() != null);
        assertThat(ledger.historyOf("pg-visitor-0@example.org").get(0).carriedOutAt()).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from opt_out_delivery where batch_id = ? and email_cipher "
                + "is not null", Integer.class, batch.id())).as("the emails are erased with the batch").isZero();
    }

    /**
     * Started as an operator would start it, in its own JVM (a failed start inside this JVM would leave Camunda's
     * webapp holding a dead application context for the next test): it must exit with a failure and say why.
     */
    @Test
    void refusesToStartWithTheDemoApiKey() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RightsflowApplication.class.getName(),
                "--spring.profiles.active=postgres", "--server.port=0",
                "--rightsflow.api.keys=demo:submit=demo-api-key", "--rightsflow.secrets.link-key=" + LINK_KEY,
                "--rightsflow.secrets.data-keys=" + DATA_KEYS, "--rightsflow.secrets.erasure-hash-key=" + ERASURE_HASH_KEY,
                "--rightsflow.secrets.suppression-key=" + SUPPRESSION_KEY,
                "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.auto-deployment-enabled=false"));
        PostgresTestDatabase.springProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
        Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(app.waitFor(2, TimeUnit.MINUTES)).as("the application stops by itself").isTrue();
        assertThat(app.exitValue()).isNotZero();
        assertThat(output).contains("Refusing to start the postgres profile", "demo API key")
                .doesNotContain("Tomcat started on port");
    }
}
