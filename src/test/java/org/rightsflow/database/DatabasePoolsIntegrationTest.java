package org.rightsflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The bulkhead between pages and background work, in the whole application: with every connection of the web pool
 * taken (a flood of slow pages), the node still reports itself ready and the job executor's pool still serves; with
 * every connection of the background pool taken (a backlog of jobs), pages still answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rightsflow.database.web.size=2", "rightsflow.database.web.connection-timeout=PT0.5S",
        "rightsflow.database.background.connection-timeout=PT0.5S"})
@ContextConfiguration(initializers = TestMailServer.Initializer.class)
class DatabasePoolsIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DatabaseProperties pools;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void pagesThatTakeEveryWebConnectionCannotStopTheBackgroundWork() throws Exception {
        assertThat(get("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
        List<Connection> held = new ArrayList<>();
        try {
            WebThreads.asRequest(() -> {
                for (int i = 0; i < pools.web().size(); i++) {
                    held.add(dataSource.getConnection());
                }
            });

            assertThat(get("http://localhost:" + port + "/").statusCode())
                    .as("a page that needs the database fails once the web pool's wait is over").isEqualTo(500);
            HttpResponse<String> readiness = monitoring("/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"", "\"engine\":{\"status\":\"UP\"");
            try (Connection background = dataSource.getConnection()) {
                assertThat(background.isValid(5)).isTrue();
            }
        } finally {
            closeAll(held);
        }
        assertThat(get("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aBacklogThatTakesEveryBackgroundConnectionCannotStopThePages() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pools.background().size(); i++) {
                held.add(dataSource.getConnection());
            }
            assertThat(get("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
        } finally {
            closeAll(held);
        }
    }

    @Test
    void bothPoolsAreMeasured() throws Exception {
        String scrape = monitoring("/actuator/prometheus").body();
        assertThat(scrape).contains("hikaricp_connections_max{application=\"rightsflow\",pool=\"web\"} 2.0",
                "hikaricp_connections_max{application=\"rightsflow\",pool=\"background\"} "
                        + pools.background().size() + ".0");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> monitoring(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString("monitoring:demo-monitoring-password"
                .getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void closeAll(List<Connection> connections) throws Exception {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
