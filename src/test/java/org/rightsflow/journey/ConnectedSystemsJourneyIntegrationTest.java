package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.FakeCompanyService;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A deletion carried into all four kinds of system at once: the demo shop's database (sql: dry run, approval,
 * erasure, proof), a billing service of the company's (http: it fails until the step becomes an incident, a privacy
 * officer retries it, it accepts the work and answers by signed callback), the support desk (manual task) and the
 * mailing agency (processor, by email and confirmation link). The answer lists what was deleted, masked and kept.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
class ConnectedSystemsJourneyIntegrationTest {

    static final String CUSTOMER = "alan.turing@example.com";
    static final long CUSTOMER_ID = 2;
    static final String SECRET = "whsec-billing-0123456789abcdef0123456789abcdef";

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    ManagementService managementService;

    private final ObjectMapper json = new ObjectMapper();
    private FakeCompanyService billing;

    @AfterEach
    void cleanUp() throws Exception {
        if (billing != null) {
            billing.close();
        }
        // The context is shared with other journeys: take the billing service out of scope again.
        if (systems.exists("billing")) {
            systems.setActive("billing", false);
        }
    }

    @Test
    void aDeletionReachesEveryKindOfSystemAndTheAnswerSaysWhatWasDeletedMaskedAndKept() throws Exception {
        // The billing service hangs: every call times out (timeout PT1S in its definition).
        billing = new FakeCompanyService(SECRET).holdingCalls();
        Path secretFile = Files.createTempFile("billing-secret", ".txt");
        secretFile.toFile().deleteOnExit();
        billing.registerAsBilling(port, secretFile, "PT1S");
        long ordersBefore = countShop("select count(*) from orders where customer_id = " + CUSTOMER_ID);
        assertThat(ordersBefore).as("the demo customer has orders to keep").isPositive();

        Journey journey = new Journey(port, "unused").withEmail(CUSTOMER);
        journey.submit("DELETION", "GDPR", "Please delete my account.");
        journey.confirmFromEmail();

        // The shop's dry run waits for approval; the support desk waits for its owner; approve and complete both.
        journey.completeTasksAs("owner", "owner", 2, "DONE", "Requester deleted in the help desk.");
        await().atMost(Journey.PATIENCE).until(() -> countShop(
                "select count(*) from addresses where customer_id = " + CUSTOMER_ID) == 0);
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Subscriber removed.");

        // Every attempt times out: the retries run (the engine clock moves past each back-off) until the step becomes
        // an incident that a privacy officer sees.
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        String incident = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            moveClockPastTheNextRetry();
            return dpo.get("/staff/incidents").document().select("tr").stream()
                    .filter(row -> row.text().contains(journey.reference()))
                    .map(row -> row.selectFirst("input[name=incident]")).filter(java.util.Objects::nonNull)
                    .map(input -> input.attr("value")).findFirst().orElse(null);
        }, found -> found != null);
        Page incidents = dpo.get("/staff/incidents");
        assertThat(incidents.mainText()).contains("Run the action in the system", "Billing service", "no answer within PT1S");
        assertThat(billing.calls()).hasSizeGreaterThanOrEqualTo(5).allMatch(FakeCompanyService.Call::signatureValid);
        assertThat(billing.calls().stream().map(FakeCompanyService.Call::idempotencyKey).distinct())
                .as("every attempt carries the same idempotency key").hasSize(1);

        // Fixed: it answers again, accepting the work (202) to call back later. The officer retries the incident.
        billing.answeringLater().release();
        int callsBefore = billing.calls().size();
        Page retried = dpo.post("/staff/incidents/retry", incidents, Map.of("incident", incident));
        assertThat(retried.mainText()).contains("1 incident(s) handed back to the process");
        await().atMost(Journey.PATIENCE).until(() -> billing.calls().size() > callsBefore);
        FakeCompanyService.Call accepted = billing.calls().get(billing.calls().size() - 1);
        String callbackUrl = accepted.body().path("callbackUrl").asText();
        assertThat(callbackUrl).contains("/api/v1/callbacks/");
        String localCallback = "http://localhost:" + port + URI.create(callbackUrl).getPath();

        String result = """
                {"reference": "%s", "action": "ERASE",
                 "summary": "Deleted the billing profile; 2 invoices kept for 10 years (tax law).",
                 "tables": [{"table": "profiles", "rowsFound": 1, "rowsDeleted": 1},
                            {"table": "invoices", "rowsFound": 2, "rowsRetained": 2,
                             "retentionNotes": ["GDPR Art. 17(3)(b): invoices, 10 years"]}],
                 "remaining": [{"table": "invoices", "rowsFound": 2, "rowsRetained": 2,
                                "retentionNotes": ["GDPR Art. 17(3)(b): invoices, 10 years"]}]}
                """.formatted(journey.reference());
        long now = Instant.now().getEpochSecond();
        // The service called back at once: the step that handed out the callback URL may not have committed yet
        // (its URL is unknown, 404, until then); a real service retries, as here.
        await().atMost(Journey.PATIENCE).until(() -> FakeCompanyService.post(localCallback, result,
                "a-different-secret-0123456789abcdef", now) != 404);
        assertThat(FakeCompanyService.post(localCallback, result, "a-different-secret-0123456789abcdef", now))
                .as("wrong secret").isEqualTo(401);
        assertThat(FakeCompanyService.post(localCallback, result, SECRET, now - 600)).as("stale").isEqualTo(401);
        assertThat(request(journey.reference()).path("status").asText()).as("nothing was correlated")
                .isEqualTo("IN_PROGRESS");
        assertThat(FakeCompanyService.post(localCallback, result, SECRET, now)).isEqualTo(204);
        assertThat(FakeCompanyService.post(localCallback, result, SECRET, now)).as("only once").isEqualTo(409);

        String answer = journey.awaitMail("Our answer to your request " + journey.reference());
        // The shop's part in the customer's words (the demo's labels), never its tables, columns or rows.
        assertThat(answer).contains(
                "Shop customer database: done",
                "- your customer account (1): we removed your email address, your first name, your last name, your "
                        + "phone number, and your date of birth; we keep your customer number because the law requires "
                        + "us to keep it: the customer number on kept invoices",
                "- your delivery addresses (",
                "- your orders (", "): kept because the law requires us to keep it: invoices must be kept 10 years "
                        + "(tax law)",
                "- your newsletter subscriptions (",
                "Billing service: done. Deleted the billing profile; 2 invoices kept for 10 years (tax law).",
                "Support desk: done. Requester deleted in the help desk.",
                "Mailing agency: done. Confirmed by the processor: Subscriber removed.")
                .doesNotContain("Shop customer database: done.", "customers", "newsletter_subscriptions",
                        "first_name", " rows", "GDPR Art. 17(3)");
        await().atMost(Journey.PATIENCE).until(() -> "Completed".equals(journey.statusPage().text("#request-status")));

        // In the shop database: the account masked, addresses and newsletter gone, the invoices kept.
        try (Connection shop = shop(); ResultSet row = shop.createStatement().executeQuery(
                "select email, first_name, phone, customer_number from customers where id = " + CUSTOMER_ID)) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("email")).matches("[0-9a-f]{64}");
            assertThat(row.getString("first_name")).isEqualTo("[erased]");
            assertThat(row.getString("phone")).isNull();
            assertThat(row.getString("customer_number")).isEqualTo("C-00002");
        }
        assertThat(countShop("select count(*) from newsletter_subscriptions where customer_id = " + CUSTOMER_ID)).isZero();
        assertThat(countShop("select count(*) from orders where customer_id = " + CUSTOMER_ID)).isEqualTo(ordersBefore);
        assertThat(countShop("select count(*) from customers")).as("nobody else touched").isEqualTo(300);

        JsonNode details = request(journey.reference());
        List<String> descriptions = StreamSupport.stream(details.path("timeline").spliterator(), false)
                .map(entry -> entry.path("description").asText()).toList();
        assertThat(descriptions).anyMatch(text -> text.contains("Proof of erasure: read again afterwards"))
                .anyMatch(text -> text.contains("Incident at \"Run the action in the system\" retried"))
                .anyMatch(text -> text.contains("dry run of the erasure"));
    }

    /** The engine's clock jumps to just after the due date of the billing step's next attempt, never further. */
    private void moveClockPastTheNextRetry() {
        managementService.createJobQuery().activityId("run-action").withRetriesLeft().list().stream()
                .map(Job::getDuedate).filter(java.util.Objects::nonNull)
                .filter(due -> due.after(ClockUtil.getCurrentTime())).findFirst()
                .ifPresent(due -> ClockUtil.setCurrentTime(new Date(due.getTime() + 1000)));
    }


    private Connection shop() throws Exception {
        String url = systems.definition(systems.find("shop-db").orElseThrow().id()).connection().at("url").value().toString();
        return DriverManager.getConnection(url, "sa", "");
    }

    private long countShop(String sql) throws Exception {
        try (Connection shop = shop(); ResultSet result = shop.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private JsonNode request(String reference) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/requests/" + reference))
                .header("X-Api-Key", "demo-api-key").build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
