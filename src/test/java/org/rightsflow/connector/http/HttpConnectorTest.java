package org.rightsflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.BatchContext;
import org.rightsflow.connector.ConnectionCheck;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.connector.TableReport;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/** The http connector against a real receiving service on a local port (TestReceiver), no mocks. */
class HttpConnectorTest {

    private static final String SECRET = "whsec-billing-7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e";
    private static final String API_TOKEN = "Bearer tok-5d1c9e7a3b8f2d6c4a0e";
    private static final Map<String, String> ENVIRONMENT = Map.of("BILLING_SIGNING_SECRET", SECRET,
            "BILLING_TOKEN", API_TOKEN);
    private static final DataSubject ALICE = new DataSubject("alice@example.com", "Alice Example", "cust-42");

    private final HttpConnector connector = new HttpConnector(new Secrets(ENVIRONMENT::get));
    private final CountDownLatch never = new CountDownLatch(1);
    private TestReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new TestReceiver(SECRET);
    }

    @AfterEach
    void stopReceiver() {
        never.countDown();
        receiver.close();
    }

    @Test
    void sendsTheDocumentedSignedRequestAndReadsASynchronousAccessResult() throws Exception {
        receiver.answer("/dsr/access", 200, """
                {"reference": "DSR-2026-000042", "action": "ACCESS",
                 "summary": "Found the billing profile and 2 invoices.",
                 "tables": [{"table": "profiles", "rowsFound": 1}, {"table": "invoices", "rowsFound": 2}],
                 "data": {"profiles": [{"email": "alice@example.com", "plan": "pro"}],
                          "invoices": [{"number": "F-1", "total": 12.50}, {"number": "F-2", "total": 7}]}}
                """);

        ActionResult result = connector.perform(billing(), ConnectorAction.ACCESS, context(RequestType.ACCESS,
                "DSR-2026-000042:billing-api:ACCESS"));

        assertThat(result.status()).isEqualTo(ActionResult.Status.DONE);
        assertThat(result.action()).isEqualTo(ConnectorAction.ACCESS);
        assertThat(result.summary()).isEqualTo("Found the billing profile and 2 invoices.");
        assertThat(result.tables()).containsExactly(TableReport.found("profiles", 1), TableReport.found("invoices", 2));
        assertThat(result.data().get("profiles")).containsExactly(Map.of("email", "alice@example.com", "plan", "pro"));
        assertThat(result.data().get("invoices")).hasSize(2);

        TestReceiver.Received request = receiver.received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/dsr/access");
        assertThat(request.signatureValid()).as("verified by the documented recipe").isTrue();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).isEqualTo("DSR-2026-000042:billing-api:ACCESS");
        assertThat(request.header("X-Tenant")).isEqualTo("shop");
        assertThat(request.header("Authorization")).as("resolved from its secret reference").isEqualTo(API_TOKEN);
        assertThat(Long.parseLong(request.header("X-Rightsflow-Timestamp")))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));

        JsonNode body = HttpResultJson.JSON.readTree(request.body());
        assertThat(body.get("reference").asText()).isEqualTo("DSR-2026-000042");
        assertThat(body.get("action").asText()).isEqualTo("ACCESS");
        assertThat(body.get("requestType").asText()).isEqualTo("ACCESS");
        assertThat(body.get("regime").asText()).isEqualTo("GDPR");
        assertThat(body.get("dueDate").asText()).isEqualTo("2026-02-14");
        assertThat(body.get("subject").get("email").asText()).isEqualTo("alice@example.com");
        assertThat(body.get("subject").get("name").asText()).isEqualTo("Alice Example");
        assertThat(body.get("subject").get("accountId").asText()).isEqualTo("cust-42");
        assertThat(body.get("corrections").isEmpty()).isTrue();
        assertThat(body.get("callbackUrl").asText()).isEqualTo("https://rightsflow.example/api/v1/callbacks/tok-1");
    }

    @Test
    void sendsCorrectionsAndUsesTheConfiguredMethod() throws Exception {
        receiver.answer("/dsr/correct", 200, "{\"summary\": \"Corrected the name.\"}");
        ActionContext context = new ActionContext("DSR-2026-000043", RequestType.CORRECTION, Regime.CCPA,
                LocalDate.of(2026, 3, 1), ALICE, Map.of("name", "Alice Q. Example"), null, "key-correct-1");

        ActionResult result = connector.perform(billing(), ConnectorAction.CORRECT, context);

        assertThat(result.summary()).isEqualTo("Corrected the name.");
        TestReceiver.Received request = receiver.received.get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        JsonNode body = HttpResultJson.JSON.readTree(request.body());
        assertThat(body.get("corrections").get("name").asText()).isEqualTo("Alice Q. Example");
        assertThat(body.get("callbackUrl").isNull()).isTrue();
        assertThat(body.get("regime").asText()).isEqualTo("CCPA");
    }

    @Test
    void a202MeansTheResultComesByCallback() {
        receiver.answer("/dsr/erase", 202, "");

        ActionResult result = connector.perform(billing(), ConnectorAction.ERASE, context(RequestType.DELETION,
                "DSR-2026-000042:billing-api:ERASE"));

        assertThat(result.status()).isEqualTo(ActionResult.Status.AWAITING_CALLBACK);
        assertThat(result.action()).isEqualTo(ConnectorAction.ERASE);
        assertThat(result.tables()).isEmpty();
        assertThat(result.summary()).isEqualTo("Billing API accepted the erasure and will report back when it is done.");
        assertThat(receiver.received).singleElement().satisfies(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void aRetryCarriesTheSameIdempotencyKeySoTheReceiverErasesOnce() {
        receiver.answer("/dsr/erase", 200, """
                {"summary": "Deleted the billing profile.",
                 "tables": [{"table": "profiles", "rowsFound": 1, "rowsDeleted": 1}]}
                """);
        ActionContext context = context(RequestType.DELETION, "DSR-2026-000042:billing-api:ERASE");

        ActionResult first = connector.perform(billing(), ConnectorAction.ERASE, context);
        ActionResult retry = connector.perform(billing(), ConnectorAction.ERASE, context);

        assertThat(receiver.received).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo("DSR-2026-000042:billing-api:ERASE"))
                .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(receiver.applied).as("the erasure was applied once").hasValue(1);
        assertThat(retry.tables()).isEqualTo(first.tables());
    }

    @Test
    void aReceiverWithAnotherSecretRefusesTheCall() throws IOException {
        try (TestReceiver other = new TestReceiver("not-the-same-secret-0123456789abcdef")) {
            other.answer("/dsr/erase", 200, "{\"summary\": \"Erased.\"}");

            assertThatThrownBy(() -> connector.perform(billing(other.baseUrl()), ConnectorAction.ERASE,
                    context(RequestType.DELETION, "k-1")))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessage("System 'Billing API' (billing-api), ERASE: HTTP 401 from POST /dsr/erase "
                            + "(expected 200 or 202)");
            assertThat(other.applied).hasValue(0);
        }
    }

    @Test
    void aReceiverRefusesASignatureFromAClockTenMinutesOff() {
        receiver.answer("/dsr/erase", 200, "{\"summary\": \"Erased.\"}");
        Clock tenMinutesBehind = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofMinutes(-10));
        HttpConnector late = new HttpConnector(new Secrets(ENVIRONMENT::get), tenMinutesBehind);

        assertThatThrownBy(() -> late.perform(billing(), ConnectorAction.ERASE, context(RequestType.DELETION, "k-2")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 401");
        assertThat(receiver.applied).hasValue(0);
    }

    @Test
    void aServerErrorNamesSystemActionAndStatusButNotTheBody() {
        receiver.answer("/dsr/erase", 500, "{\"error\": \"cannot delete alice@example.com (Alice Example)\"}");

        Throwable thrown = catchThrowable(() -> connector.perform(billing(), ConnectorAction.ERASE,
                context(RequestType.DELETION, "k-3")));

        assertThat(thrown).isInstanceOf(ConnectorException.class)
                .hasMessage("System 'Billing API' (billing-api), ERASE: HTTP 500 from POST /dsr/erase "
                        + "(expected 200 or 202)");
        assertNoPersonalDataOrSecret(thrown);
    }

    @Test
    void anUnknownEndpointIsA404() {
        // The receiver answers 404 for every path it has no answer for, with a body naming the subject.
        Throwable thrown = catchThrowable(() -> connector.perform(billing(), ConnectorAction.ACCESS,
                context(RequestType.ACCESS, "k-4")));

        assertThat(thrown).isInstanceOf(ConnectorException.class).hasMessageContaining("ACCESS: HTTP 404");
        assertNoPersonalDataOrSecret(thrown);
    }

    @Test
    void aRedirectIsNotFollowed() {
        receiver.answer("/dsr/access", 302, "");

        assertThatThrownBy(() -> connector.perform(billing(), ConnectorAction.ACCESS, context(RequestType.ACCESS, "k")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 302");
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void anUnreadable200IsAnErrorThatQuotesNothingFromTheBody() {
        receiver.answer("/dsr/access", 200, "<html>Welcome back, alice@example.com</html>");

        Throwable thrown = catchThrowable(() -> connector.perform(billing(), ConnectorAction.ACCESS,
                context(RequestType.ACCESS, "k-5")));

        assertThat(thrown).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("System 'Billing API' (billing-api), ACCESS: HTTP 200 with an unreadable "
                        + "result: not valid JSON (line 1, column ");
        assertNoPersonalDataOrSecret(thrown);
    }

    @Test
    void a200ThatBreaksTheDocumentedShapeIsAnError() {
        receiver.answer("/dsr/erase", 200, """
                {"summary": "Erased.", "data": {"profiles": [{"email": "alice@example.com"}]}}
                """);

        Throwable thrown = catchThrowable(() -> connector.perform(billing(), ConnectorAction.ERASE,
                context(RequestType.DELETION, "k-6")));

        assertThat(thrown).isInstanceOf(ConnectorException.class)
                .hasMessage("System 'Billing API' (billing-api), ERASE: HTTP 200 with an unreadable result: "
                        + "data: only an ACCESS result carries the subject's records");
        assertNoPersonalDataOrSecret(thrown);
    }

    @Test
    void noAnswerWithinTheTimeoutIsAnError() {
        // The handler blocks on a latch released after the test: no sleeping anywhere.
        receiver.answer("/dsr/erase", 200, "{\"summary\": \"too late, alice@example.com\"}").block("/dsr/erase", never);

        Throwable thrown = catchThrowable(() -> connector.perform(billing(receiver.baseUrl(), "PT0.5S"),
                ConnectorAction.ERASE, context(RequestType.DELETION, "k-7")));

        assertThat(thrown).isInstanceOf(ConnectorException.class)
                .hasMessage("System 'Billing API' (billing-api), ERASE: no answer within PT0.5S");
        assertNoPersonalDataOrSecret(thrown);
    }

    @Test
    void aServiceThatIsDownIsAnError() throws IOException {
        String closedPort = "http://127.0.0.1:" + freePort();

        assertThatThrownBy(() -> connector.perform(billing(closedPort), ConnectorAction.ERASE,
                context(RequestType.DELETION, "k-8")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("System 'Billing API' (billing-api), ERASE: cannot reach " + closedPort);
    }

    @Test
    void anActionWithoutEndpointIsNotSupported() {
        assertThatThrownBy(() -> connector.perform(billing(), ConnectorAction.OPT_OUT, context(RequestType.OPT_OUT, "k")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("System 'Billing API' (billing-api), OPT_OUT: the system does not support this action "
                        + "(no endpoint under connection.actions)");
        assertThat(receiver.received).isEmpty();
    }

    @Test
    void limitingTheUseOfSensitiveDataCallsItsOwnEndpoint() throws Exception {
        receiver.answer("/dsr/limit-use", 202, "");
        SystemDefinition system = definition(receiver.baseUrl(), "PT10S", "PT24H", "    LIMIT_USE: /dsr/limit-use\n");

        ActionResult result = connector.perform(system, ConnectorAction.LIMIT_USE,
                context(RequestType.LIMIT_SENSITIVE, "DSR-2026-000042:billing-api:LIMIT_USE"));

        assertThat(result.status()).isEqualTo(ActionResult.Status.AWAITING_CALLBACK);
        assertThat(result.summary()).isEqualTo("Billing API accepted the limit of sensitive data use and will report "
                + "back when it is done.");
        TestReceiver.Received request = receiver.received.get(0);
        assertThat(request.signatureValid()).isTrue();
        JsonNode body = HttpResultJson.JSON.readTree(request.body());
        assertThat(body.get("action").asText()).isEqualTo("LIMIT_USE");
        assertThat(body.get("requestType").asText()).isEqualTo("LIMIT_SENSITIVE");
        assertThat(connector.supports(system, ConnectorAction.LIMIT_USE)).isTrue();
        assertThat(connector.supports(billing(), ConnectorAction.LIMIT_USE))
                .as("no endpoint: the owners do it by hand").isFalse();
    }

    // --- batches ------------------------------------------------------------------------------------------------------

    private static final List<DataSubject> FIVE_PEOPLE = List.of(ALICE,
            new DataSubject("bob@example.com", null, null), new DataSubject("carol@example.com", "Carol", "cust-7"),
            new DataSubject("dan@example.com", null, "cust-8"), new DataSubject("erin@example.com", "Erin", null));

    @Test
    void aBatchGoesInSignedChunksEachWithItsOwnIdempotencyKeyAndTheResultsAddUp() throws Exception {
        receiver.answer("/dsr/opt-out", 200, """
                {"reference": "OPT-2026-000012", "action": "OPT_OUT", "summary": "Opted out.",
                 "tables": [{"table": "profiles", "rowsFound": 2, "rowsUpdated": 1}]}
                """);
        BatchContext batch = optOutBatch(FIVE_PEOPLE);

        ActionResult result = connector.performBatch(batchSystem(), batch);

        assertThat(result.status()).isEqualTo(ActionResult.Status.DONE);
        assertThat(result.action()).isEqualTo(ConnectorAction.OPT_OUT);
        assertThat(result.tables()).containsExactly(new TableReport("profiles", 6, 0, 3, 0, 0, 0, List.of()));
        assertThat(result.summary()).isEqualTo("5 people in 3 calls: Opted out.");
        assertThat(receiver.received).hasSize(3).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.path()).isEqualTo("/dsr/opt-out");
            assertThat(request.signatureValid()).as("verified by the documented recipe").isTrue();
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("X-Tenant")).isEqualTo("shop");
        });
        assertThat(receiver.received).extracting(request -> request.header("Idempotency-Key")).containsExactly(
                "OPT-2026-000012:billing-api:1", "OPT-2026-000012:billing-api:2", "OPT-2026-000012:billing-api:3");

        JsonNode first = HttpResultJson.JSON.readTree(receiver.received.get(0).body());
        assertThat(first.properties()).extracting(Map.Entry::getKey).containsExactly("reference", "action", "batch",
                "chunk", "chunks", "dueDate", "subjects");
        assertThat(first.get("reference").asText()).isEqualTo("OPT-2026-000012");
        assertThat(first.get("action").asText()).isEqualTo("OPT_OUT");
        assertThat(first.get("batch").asBoolean()).isTrue();
        assertThat(first.get("chunk").asInt()).isEqualTo(1);
        assertThat(first.get("chunks").asInt()).isEqualTo(3);
        assertThat(first.get("dueDate").asText()).isEqualTo("2026-03-15");
        assertThat(first.get("subjects")).hasSize(2);
        assertThat(first.get("subjects").get(0).get("email").asText()).isEqualTo("alice@example.com");
        assertThat(first.get("subjects").get(0).get("name").asText()).isEqualTo("Alice Example");
        assertThat(first.get("subjects").get(0).get("accountId").asText()).isEqualTo("cust-42");
        assertThat(first.get("subjects").get(1).get("name").isNull()).as("every key present").isTrue();
        JsonNode last = HttpResultJson.JSON.readTree(receiver.received.get(2).body());
        assertThat(last.get("chunk").asInt()).isEqualTo(3);
        assertThat(last.get("subjects")).singleElement()
                .satisfies(erin -> assertThat(erin.get("email").asText()).isEqualTo("erin@example.com"));
        assertThat(batch.toString()).doesNotContain("alice", "example.com");
    }

    @Test
    void aBatchAnswered202IsRefused() {
        receiver.answer("/dsr/opt-out", 202, "");

        assertThatThrownBy(() -> connector.performBatch(batchSystem(), optOutBatch(FIVE_PEOPLE.subList(0, 1))))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("System 'Billing API' (billing-api), OPT_OUT, batch OPT-2026-000012, chunk 1 of 1: HTTP 202, "
                        + "but a batch is not carried out later: answer batch calls synchronously, 200 with the result");
    }

    @Test
    void aRetryAfterAFailedChunkSendsTheSameChunksWithTheSameKeysAndEachIsAppliedOnce() {
        receiver.answer("/dsr/opt-out", 200, "{\"summary\": \"Opted out.\", "
                + "\"tables\": [{\"table\": \"profiles\", \"rowsFound\": 2, \"rowsUpdated\": 2}]}");
        receiver.failOnce("OPT-2026-000012:billing-api:2", 500);
        BatchContext batch = optOutBatch(FIVE_PEOPLE);

        Throwable failed = catchThrowable(() -> connector.performBatch(batchSystem(), batch));

        assertThat(failed).isInstanceOf(ConnectorException.class).hasMessage("System 'Billing API' (billing-api), "
                + "OPT_OUT, batch OPT-2026-000012, chunk 2 of 3: HTTP 500 from PUT /dsr/opt-out (expected 200); the "
                + "chunks before it were answered, and a retry sends them again with the same Idempotency-Key");
        assertNoPersonalDataOrSecret(failed);
        assertThat(receiver.applied).hasValue(1);

        ActionResult retry = connector.performBatch(batchSystem(), batch);

        assertThat(receiver.applied).as("chunk 1 answered from the receiver's record").hasValue(3);
        assertThat(receiver.received).extracting(request -> request.header("Idempotency-Key")).containsExactly(
                "OPT-2026-000012:billing-api:1", "OPT-2026-000012:billing-api:2", "OPT-2026-000012:billing-api:1",
                "OPT-2026-000012:billing-api:2", "OPT-2026-000012:billing-api:3");
        assertThat(retry.tables()).extracting(TableReport::rowsUpdated).containsExactly(6);
    }

    @Test
    void batchesGoWhereTheActionHasAnEndpoint() {
        assertThat(connector.supportsBatch(batchSystem(), ConnectorAction.OPT_OUT)).isTrue();
        assertThat(connector.supportsBatch(batchSystem(), ConnectorAction.LIMIT_USE)).isFalse();
        assertThat(connector.supportsBatch(batchSystem(), ConnectorAction.ERASE)).as("erasures are never batched")
                .isFalse();
        assertThatThrownBy(() -> connector.performBatch(batchSystem(), new BatchContext("OPT-2026-000012",
                ConnectorAction.LIMIT_USE, null, FIVE_PEOPLE, "k")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("System 'Billing API' (billing-api), LIMIT_USE: the system does not support this action "
                        + "(no endpoint under connection.actions)");
        assertThat(receiver.received).isEmpty();
    }

    private SystemDefinition batchSystem() {
        return definition(receiver.baseUrl(), "PT10S", "PT24H",
                "    OPT_OUT: {path: /dsr/opt-out, method: PUT}\n  batchSize: 2\n");
    }

    private static BatchContext optOutBatch(List<DataSubject> people) {
        return new BatchContext("OPT-2026-000012", ConnectorAction.OPT_OUT, LocalDate.of(2026, 3, 15), people,
                "OPT-2026-000012:billing-api");
    }

    @Test
    void anUnsetSecretIsAnErrorNamingTheReference() {
        HttpConnector withoutSecrets = new HttpConnector(new Secrets(Map.<String, String>of()::get));

        assertThatThrownBy(() -> withoutSecrets.perform(billing(), ConnectorAction.ERASE,
                context(RequestType.DELETION, "k")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Secret {env: BILLING_SIGNING_SECRET}: the environment variable is not set");
        assertThat(receiver.received).isEmpty();
    }

    @Test
    void testConnectionSendsASignedHealthCheck() {
        receiver.answer("/health", 200, "");

        ConnectionCheck check = connector.testConnection(billing());

        assertThat(check.ok()).isTrue();
        assertThat(check.message()).startsWith("GET " + receiver.baseUrl() + "/health answered HTTP 200 in ");
        assertThat(check.details()).containsExactly(
                "ACCESS: POST " + receiver.baseUrl() + "/dsr/access",
                "ERASE: POST " + receiver.baseUrl() + "/dsr/erase",
                "CORRECT: PATCH " + receiver.baseUrl() + "/dsr/correct");
        assertThat(receiver.received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.body()).isEmpty();
            assertThat(r.signatureValid()).isTrue();
        });
    }

    @Test
    void testConnectionReportsAMismatchedSecretDownServiceAndMissingSecretWithoutThrowing() throws IOException {
        try (TestReceiver other = new TestReceiver("not-the-same-secret-0123456789abcdef")) {
            other.answer("/health", 200, "");
            ConnectionCheck check = connector.testConnection(billing(other.baseUrl()));
            assertThat(check.ok()).isFalse();
            assertThat(check.message()).isEqualTo("GET " + other.baseUrl() + "/health answered HTTP 401: the service "
                    + "refused the signature; check that both sides use the same signingSecret");
        }

        String closedPort = "http://127.0.0.1:" + freePort();
        ConnectionCheck down = connector.testConnection(billing(closedPort));
        assertThat(down.ok()).isFalse();
        assertThat(down.message()).startsWith("GET " + closedPort + "/health: cannot reach " + closedPort);

        ConnectionCheck noSecret = new HttpConnector(new Secrets(Map.<String, String>of()::get))
                .testConnection(billing());
        assertThat(noSecret.ok()).isFalse();
        assertThat(noSecret.message()).isEqualTo("Secret {env: BILLING_SIGNING_SECRET}: the environment variable "
                + "is not set");

        ConnectionCheck invalid = connector.testConnection(definition(receiver.baseUrl(), "PT10S", "PT0S"));
        assertThat(invalid.ok()).isFalse();
        assertThat(invalid.message()).startsWith("The definition is not valid: billing.yml: connection.callback");
    }

    @Test
    void secretsNeverAppearInToString() {
        SystemDefinition system = billing();
        HttpSettings settings = HttpConnector.settings(system);
        ActionContext context = context(RequestType.DELETION, "k");

        for (Object shown : List.of(system, settings, settings.headers(), connector, context)) {
            assertThat(shown.toString()).doesNotContain(SECRET).doesNotContain(API_TOKEN).doesNotContain("alice");
        }
        assertThat(settings.toString()).contains("{env: BILLING_SIGNING_SECRET}");
    }

    private static void assertNoPersonalDataOrSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("alice").doesNotContain("Alice")
                    .doesNotContain(SECRET).doesNotContain(API_TOKEN);
        }
    }

    private SystemDefinition billing() {
        return billing(receiver.baseUrl());
    }

    private static SystemDefinition billing(String baseUrl) {
        return billing(baseUrl, "PT10S");
    }

    private static SystemDefinition billing(String baseUrl, String timeout) {
        return definition(baseUrl, timeout, "PT24H");
    }

    private static SystemDefinition definition(String baseUrl, String timeout, String remindAfter) {
        return definition(baseUrl, timeout, remindAfter, "");
    }

    /** @param more YAML lines appended to the connection: more actions (4 spaces), or connection keys (2 spaces) */
    private static SystemDefinition definition(String baseUrl, String timeout, String remindAfter, String more) {
        return SystemDefinitions.parseSingle("billing.yml", """
                key: billing-api
                name: Billing API
                ownerGroup: finance
                kind: http
                requestTypes: [ACCESS, DELETION, CORRECTION]
                connection:
                  baseUrl: %s
                  signingSecret: {env: BILLING_SIGNING_SECRET}
                  timeout: %s
                  callback: {remindAfter: %s, incidentAfter: PT72H}
                  headers:
                    X-Tenant: shop
                    Authorization: {env: BILLING_TOKEN}
                  actions:
                    ACCESS: /dsr/access
                    ERASE: /dsr/erase
                    CORRECT: {path: /dsr/correct, method: PATCH}
                """.formatted(baseUrl, timeout, remindAfter) + more);
    }

    private static ActionContext context(RequestType type, String idempotencyKey) {
        return new ActionContext("DSR-2026-000042", type, Regime.GDPR, LocalDate.of(2026, 2, 14), ALICE, Map.of(),
                "https://rightsflow.example/api/v1/callbacks/tok-1", idempotencyKey);
    }

    /** A port nobody listens on: bound, read, released. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
