package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.optout.Choice;
import org.rightsflow.optout.ConsentLedger;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The company's website forwards its visitors' opt-outs and GPC signals in bulk: 10,000 in one call, with
 * duplicates and malformed addresses reported item by item and nothing valid lost; the same as a CSV file; and the
 * suppression list answers who may not be mailed or imported.
 */
@RightsflowIntegrationTest
class OptOutBulkApiIntegrationTest {

    private static final int ITEMS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ConsentLedger ledger;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tenThousandOptOutsInOneCallAreRecordedWithEveryProblemReportedByItsPosition() throws Exception {
        ArrayNode items = JSON.createArrayNode();
        Map<Integer, Integer> duplicateOf = new HashMap<>();
        List<Integer> malformed = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            ObjectNode item = items.addObject();
            if (i % 200 == 199) {
                // A visitor whose signal arrives twice in one file, written differently.
                int original = i - 100;
                duplicateOf.put(i, original);
                item.put("email", items.get(original).get("email").asText().toUpperCase());
            } else if (i % 200 == 150) {
                malformed.add(i);
                item.put("email", List.of("not-an-address", "", "a@b", "two@@example.org", "x@example.org <script>")
                        .get(malformed.size() % 5));
            } else {
                String email = "bulk-" + i + "@visitors.example";
                item.put("email", email);
                valid.add(email);
            }
            item.put("source", i % 2 == 0 ? "GPC" : "API");
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("optOuts", items);

        HttpResponse<String> response = post("/api/v1/optouts", "application/json", body.toString(), "demo-api-key");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("received").asInt()).isEqualTo(ITEMS);
        assertThat(report.get("recorded").asInt()).isEqualTo(valid.size());
        assertThat(report.get("duplicates").asInt()).isEqualTo(duplicateOf.size());
        assertThat(report.get("invalid").asInt()).isEqualTo(malformed.size());
        assertThat(report.get("items")).hasSize(ITEMS);
        duplicateOf.forEach((index, original) -> {
            JsonNode item = report.get("items").get(index);
            assertThat(item.get("status").asText()).isEqualTo("DUPLICATE");
            assertThat(item.get("duplicateOf").asInt()).isEqualTo(original);
        });
        for (int index : malformed) {
            JsonNode item = report.get("items").get(index);
            assertThat(item.get("status").asText()).isEqualTo("INVALID");
            assertThat(item.get("errors").get(0).get("field").asText()).isEqualTo("email");
        }
        assertThat(response.body()).as("no address is echoed back").doesNotContain("@visitors.example");
        JsonNode first = report.get("items").get(0);
        assertThat(first.get("status").asText()).isEqualTo("RECORDED");
        assertThat(first.get("dueOn").asText()).as("15 business days from today (CCPA §7026)").isNotBlank();

        // Nothing valid was lost: every one is opted out, with the source it came with.
        for (int i = 0; i < valid.size(); i++) {
            var state = ledger.stateOf(valid.get(i)).get(Purpose.SALE_SHARING);
            assertThat(state).as(valid.get(i)).isNotNull();
            assertThat(state.choice()).isEqualTo(Choice.OPT_OUT);
        }
        assertThat(ledger.stateOf("bulk-0@visitors.example").get(Purpose.SALE_SHARING).source())
                .isEqualTo(SignalSource.GPC);

        // The website sends the same file again: nothing new is recorded.
        JsonNode again = JSON.readTree(post("/api/v1/optouts", "application/json", body.toString(), "demo-api-key")
                .body());
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(valid.size());
    }

    @Test
    void aMixedCsvFileIsReadLineByLine() throws Exception {
        String csv = """
                email,purpose,source,receivedAt
                csv-1@visitors.example,SALE_SHARING,GPC,2026-11-20
                csv-2@visitors.example,SENSITIVE_USE,AGENT,
                "csv-3@visitors.example",,,
                not-an-email,SALE_SHARING,API,
                csv-4@visitors.example,SELLING,API,
                csv-5@visitors.example,SALE_SHARING,PREFERENCE_CENTER,
                csv-6@visitors.example,SALE_SHARING,API,2999-01-01
                csv-7@visitors.example,SALE_SHARING,API,1999-12-31
                csv-8@visitors.example,SALE_SHARING,API,-999999-01-01T00:00:00Z

                CSV-1@visitors.example,SALE_SHARING,API,
                """;
        HttpResponse<String> response = post("/api/v1/optouts", "text/csv", csv, "demo-api-key");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("received").asInt()).isEqualTo(10);
        List<String> statuses = new ArrayList<>();
        report.get("items").forEach(item -> statuses.add(item.get("status").asText()));
        assertThat(statuses).containsExactly("RECORDED", "RECORDED", "RECORDED", "INVALID", "INVALID", "INVALID",
                "INVALID", "INVALID", "INVALID", "DUPLICATE");
        assertThat(report.get("items").get(4).get("errors").get(0).get("field").asText()).isEqualTo("purpose");
        assertThat(report.get("items").get(5).get("errors").get(0).get("field").asText()).isEqualTo("source");
        assertThat(report.get("items").get(6).get("errors").get(0).get("message").asText())
                .isEqualTo("must not be in the future");
        for (int pastTheBound : new int[] {7, 8}) {
            assertThat(report.get("items").get(pastTheBound).get("errors").get(0).get("message").asText())
                    .isEqualTo("must not be before 2000-01-01");
        }
        assertThat(ledger.stateOf("csv-2@visitors.example").get(Purpose.SENSITIVE_USE).source())
                .isEqualTo(SignalSource.AGENT);
        assertThat(ledger.historyOf("csv-1@visitors.example").get(0).receivedAt().toString())
                .as("the date the visitor chose, not the date of delivery").startsWith("2026-11-20");

        HttpResponse<String> badHeader = post("/api/v1/optouts", "text/csv", "mail,when\nx@example.org,today\n",
                "demo-api-key");
        assertThat(badHeader.statusCode()).isEqualTo(400);
        assertThat(badHeader.body()).contains("unknown column 'mail'", "must name an 'email' column");
    }

    @Test
    void badCallsGetAClearProblemAndRecordNothing() throws Exception {
        String one = "{\"optOuts\":[{\"email\":\"nokey@visitors.example\"}]}";
        assertThat(post("/api/v1/optouts", "application/json", one, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/optouts", "application/json", one, "wrong-key").statusCode()).isEqualTo(401);
        assertThat(ledger.stateOf("nokey@visitors.example")).isEmpty();

        HttpResponse<String> broken = post("/api/v1/optouts", "application/json", "{\"optOuts\": [", "demo-api-key");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("not valid JSON").doesNotContain("Exception");
        HttpResponse<String> empty = post("/api/v1/optouts", "application/json", "{\"optOuts\": []}", "demo-api-key");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("list at least one opt-out");

        // A body over the limit (16 MB) is refused before it is read: said by its length...
        String huge = "email\n" + "oversized@visitors.example\n".repeat(700_000);
        HttpResponse<String> tooLarge = post("/api/v1/optouts", "text/csv", huge, "demo-api-key");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("at most 16 MB");
        // ...or sent in chunks without a length: cut off, refused, nothing recorded.
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/optouts")).header("Content-Type", "text/csv").header("X-Api-Key", "demo-api-key")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(400);
        assertThat(chunked.body()).doesNotContain("Exception");
        assertThat(ledger.stateOf("oversized@visitors.example")).isEmpty();
    }

    @Test
    void theSuppressionListSaysWhoIsOptedOut() throws Exception {
        post("/api/v1/optouts", "application/json",
                "{\"optOuts\":[{\"email\":\"suppressed@visitors.example\",\"purpose\":\"SALE_SHARING\"}]}",
                "demo-api-key");
        HttpResponse<String> response = post("/api/v1/suppression/check", "application/json",
                "{\"emails\":[\"Suppressed@Visitors.example\", \"clear@visitors.example\", \"nonsense\"]}",
                "demo-api-key");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("SUPPRESSED");
        assertThat(results.get(0).get("optedOut").get(0).asText()).isEqualTo("SALE_SHARING");
        assertThat(results.get(0).get("erased").asBoolean()).isFalse();
        assertThat(results.get(1).get("status").asText()).isEqualTo("CLEAR");
        assertThat(results.get(2).get("status").asText()).isEqualTo("INVALID");
        assertThat(response.body()).doesNotContain("visitors.example");
    }

    private HttpResponse<String> post(String path, String contentType, String body, String apiKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
