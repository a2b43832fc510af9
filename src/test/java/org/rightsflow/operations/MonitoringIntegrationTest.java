package org.rightsflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator's Prometheus, Docker health check and load balancer see on the management port: real HTTP, the
 * monitoring account of the default profile.
 */
@RightsflowIntegrationTest
class MonitoringIntegrationTest {

    private static final String MONITORING = "monitoring:demo-monitoring-password";

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int port;

    @Autowired
    OperationalMetrics metrics;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void healthAndMetricsAreClosedWithoutTheMonitoringAccount() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"}) {
            assertThat(management(path, null).statusCode()).as(path + " anonymous").isEqualTo(401);
            assertThat(management(path, "monitoring:wrong").statusCode()).as(path + " wrong password").isEqualTo(401);
            // A staff account, even an admin's, does not open the management port.
            assertThat(management(path, "admin:admin").statusCode()).as(path + " staff admin").isEqualTo(401);
        }
    }

    @Test
    void theManagementEndpointsAreNotOnThePublicPort() {
        HttpResponse<String> health = get(URI.create("http://localhost:" + port + "/actuator/health"), MONITORING);
        assertThat(health.statusCode()).isNotEqualTo(200);
        assertThat(health.body()).doesNotContain("\"status\"");
    }

    @Test
    void readinessIsTheDatabaseAndTheEngine() throws IOException {
        HttpResponse<String> readiness = management("/actuator/health/readiness", MONITORING);
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(readiness.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(fieldNames(body.path("components"))).containsExactlyInAnyOrder("readinessState", "db", "engine");
        assertThat(body.path("components").path("engine").path("details").has("executableJobs")).isTrue();

        HttpResponse<String> liveness = management("/actuator/health/liveness", MONITORING);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(liveness.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theFullHealthShowsTheOutboxAndTheMailServer() throws IOException {
        JsonNode body = json.readTree(management("/actuator/health", MONITORING).body());
        JsonNode outbox = body.path("components").path("outbox");
        assertThat(outbox.path("status").asText()).isEqualTo("UP");
        assertThat(outbox.path("details").has("undelivered")).isTrue();
        assertThat(body.path("components").path("mail").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theGaugesCountRequestsByLawAndTheirDueDates() {
        metrics.refresh();
        String before = scrape();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Received by post and entered late: GDPR's month ran out long ago, and the other is due within days.
        submit("GDPR", today.minusDays(90));
        submit("GDPR", today.minusDays(28));

        metrics.refresh();
        String after = scrape();
        assertThat(sum(after, "rightsflow_requests", "regime=\"GDPR\"") - sum(before, "rightsflow_requests", "regime=\"GDPR\""))
                .isEqualTo(2);
        assertThat(sum(after, "rightsflow_requests_overdue", "") - sum(before, "rightsflow_requests_overdue", ""))
                .isEqualTo(1);
        assertThat(sum(after, "rightsflow_requests_due_soon", "") - sum(before, "rightsflow_requests_due_soon", ""))
                .isEqualTo(1);
        assertThat(after).contains("rightsflow_jobs_backlog", "rightsflow_jobs_failed", "rightsflow_incidents_open",
                "rightsflow_outbox_undelivered", "rightsflow_outbox_failed", "rightsflow_outbox_oldest_seconds",
                "rightsflow_optout_lag_seconds", "application=\"rightsflow\"");
    }

    /** The ready-made dashboard (docker/monitoring) asks only for metrics the application really exports. */
    @Test
    void everyMetricOfTheGrafanaDashboardIsExported() throws IOException {
        String dashboard = java.nio.file.Files.readString(
                java.nio.file.Path.of("docker/monitoring/grafana/dashboards/rightsflow.json"));
        java.util.Set<String> asked = new java.util.TreeSet<>();
        Matcher metric = Pattern.compile("rightsflow_[a-z_]+").matcher(dashboard);
        while (metric.find()) {
            asked.add(metric.group());
        }
        assertThat(asked).contains("rightsflow_requests", "rightsflow_requests_overdue",
                "rightsflow_connector_step_seconds_count");
        metrics.refresh();
        String exported = scrape();
        for (String name : asked) {
            // The step timer exists once a connector step has run in this context; its name is fixed by StepJournal.
            if (!name.startsWith("rightsflow_connector_step_seconds")) {
                assertThat(exported).as(name).containsPattern("(?m)^" + name + "\\{");
            }
        }
    }

    private void submit(String regime, LocalDate receivedOn) {
        String email = "monitoring-" + UUID.randomUUID() + "@example.com";
        String body = """
                {"type":"ACCESS","regime":"%s","subject":{"email":"%s","name":"Ada Example"},
                 "channel":"POST","receivedAt":"%s"}""".formatted(regime, email, receivedOn);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/requests"))
                .header("X-Api-Key", "demo-api-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private String scrape() {
        HttpResponse<String> response = management("/actuator/prometheus", MONITORING);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sum of a metric's samples whose labels contain {@code labelPart}. */
    private static double sum(String exposition, String metric, String labelPart) {
        Matcher sample = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
        double total = 0;
        while (sample.find()) {
            if (sample.group(1).contains(labelPart)) {
                total += Double.parseDouble(sample.group(2));
            }
        }
        return total;
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> management(String path, String credentials) {
        return get(URI.create("http://localhost:" + managementPort + path), credentials);
    }

    private HttpResponse<String> get(URI uri, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
