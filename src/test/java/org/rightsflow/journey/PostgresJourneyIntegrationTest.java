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
import org.rightsflow.security.NewStaffMember;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffRole;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
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

    static final String API_KEY = "pg-test-api-key-3f9c1e";
    static final String OWNER = "pg-owner";
    static final String OWNER_PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("rightsflow.api.keys", () -> "ci=" + API_KEY);
        registry.add("rightsflow.secrets.link-key", () -> "pg-test-link-key-8d1a77c2");
        registry.add("rightsflow.secrets.data-keys", () -> DATA_KEYS);
        registry.add("rightsflow.secrets.erasure-hash-key", () -> "pg-test-erasure-hash-key-41c9");
        registry.add("rightsflow.secrets.suppression-key", () -> "pg-test-suppression-key-07be");
    }

    static final String DATA_KEYS = "pg-test=UGdUZXN0S2V5UGdUZXN0S2V5UGdUZXN0S2V5UGdUZXM=";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SystemRegistry systems;

    @Autowired
    JdbcTemplate jdbc;

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
     * Started as an operator would start it, in its own JVM (a failed start inside this JVM would leave Camunda's
     * webapp holding a dead application context for the next test): it must exit with a failure and say why.
     */
    @Test
    void refusesToStartWithTheDemoApiKey() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RightsflowApplication.class.getName(),
                "--spring.profiles.active=postgres", "--server.port=0",
                "--rightsflow.api.keys=demo-api-key", "--rightsflow.secrets.link-key=pg-test-link-key-8d1a77c2",
                "--rightsflow.secrets.data-keys=" + DATA_KEYS, "--rightsflow.secrets.erasure-hash-key=pg-test-erasure-hash-key-41c9",
                "--rightsflow.secrets.suppression-key=pg-test-suppression-key-07be",
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
