package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.RightsflowApplication;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.ProductionSecrets;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the production profile on one PostgreSQL database, each on its own port: a budget spent on one is
 * spent on the other, for a subject's address (preference links) and for a client's (secret links). The buckets
 * table holds neither address in clear.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresSharedLimitsIntegrationTest {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = start();
        nodeB = start();
    }

    @AfterAll
    static void stopThem() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void aSubjectsBudgetSpentOnOneNodeIsSpentOnTheOther() {
        String email = "pg-shared+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(askForLink(nodeA, "2001:db8::a1", email).status()).isEqualTo(200);
        assertThat(askForLink(nodeA, "2001:db8::a2", email).status()).isEqualTo(200);
        assertThat(askForLink(nodeB, "2001:db8::b1", email).status()).isEqualTo(200);

        Page onB = askForLink(nodeB, "2001:db8::b2", email);
        assertThat(onB.status()).isEqualTo(429);
        assertThat(onB.header("Retry-After")).isNotBlank();
        assertThat(askForLink(nodeA, "2001:db8::a3", email).status()).isEqualTo(429);

        assertThat(bucketIds()).noneMatch(id -> id.toLowerCase().contains(email.toLowerCase()));
    }

    @Test
    void aClientsBudgetSpentOnOneNodeIsSpentOnTheOther() {
        String client = "2001:db8:" + Integer.toHexString((int) (Math.random() * 0xffff)) + "::"
                + Integer.toHexString((int) (Math.random() * 0xffff));
        WebSession onA = new WebSession(port(nodeA)).from(client);
        WebSession onB = new WebSession(port(nodeB)).from(client);
        assertThat(onA.get("/verify/guess-1").status()).isEqualTo(404);
        assertThat(onA.get("/verify/guess-2").status()).isEqualTo(404);
        assertThat(onB.get("/verify/guess-3").status()).isEqualTo(404);
        assertThat(onB.get("/verify/guess-4").status()).isEqualTo(404);

        assertThat(onB.get("/verify/guess-5").status()).isEqualTo(429);
        assertThat(onA.get("/verify/guess-6").status()).isEqualTo(429);

        assertThat(bucketIds()).noneMatch(id -> id.contains(client));
    }

    private static Page askForLink(ConfigurableApplicationContext node, String client, String email) {
        WebSession session = new WebSession(port(node)).from(client);
        return session.post("/preferences", session.get("/preferences"), Map.of("email", email));
    }

    private static List<String> bucketIds() {
        return nodeA.getBean(JdbcTemplate.class).queryForList("select id from rate_limit_bucket", String.class);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>(PostgresTestDatabase.springProperties());
        properties.put("server.port", 0);
        properties.put("server.forward-headers-strategy", "native");
        // The secrets of the PostgreSQL journey, which uses the same database: either node may deliver its mail.
        properties.putAll(ProductionSecrets.properties("submit+optouts+read-own"));
        properties.put("rightsflow.limits.preference-link.per-subject", 3);
        properties.put("rightsflow.limits.preference-link.per-client", 100);
        properties.put("rightsflow.limits.secret-link.per-client", 4);
        // As command-line arguments: they win over application-postgres.yml, as the test's own settings must.
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(RightsflowApplication.class).profiles("postgres")
                .initializers(new TestMailServer.Initializer()).run(arguments);
    }
}
