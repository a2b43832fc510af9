package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed forms, forged tokens, oversized input, unknown references and missing credentials: each gets a clear
 * 4xx answer a person can act on, never a stack trace, and nothing is stored.
 */
@RightsflowIntegrationTest
class BadInputIntegrationTest {

    private static final String TEN_KB_PLUS_ONE = "x".repeat(10_241);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private WebSession browser;
    private long requestsBefore;
    private long messagesBefore;

    @BeforeEach
    void countWhatIsStored() {
        browser = new WebSession(port);
        // Requests an earlier test accepted write their emails from asynchronous steps: let those run first, so that
        // what this test counts afterwards is its own (timers far in the future do not count).
        await().atMost(Journey.PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from act_ru_job where duedate_ is null or duedate_ <= current_timestamp", Long.class) == 0);
        requestsBefore = count("dsr_request");
        messagesBefore = count("outbox_message");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty email            | ACCESS | GDPR    | Jo | ''                      | #email-error   | Enter your email address",
            "invalid email          | ACCESS | GDPR    | Jo | not-an-email            | #email-error   | Enter an email address like name@example.com",
            "unknown type           | STEAL  | GDPR    | Jo | jo@example.com          | #type-error    | Choose one of the listed requests",
            "missing type           | ''     | GDPR    | Jo | jo@example.com          | #type-error    | Choose what you would like us to do",
            "unknown regime         | ACCESS | MARS    | Jo | jo@example.com          | #regime-error  | Choose one of the listed places",
            "missing name           | ACCESS | GDPR    | '' | jo@example.com          | #name-error    | Enter your name"})
    void portalFormRejectsInvalidFieldsNextToTheField(String caseName, String type, String regime, String name,
                                                     String email, String errorElement, String message) {
        Page form = browser.get("/");
        Page answer = browser.post("/requests", form, Map.of("type", type, "regime", regime, "name", name,
                "email", email, "details", ""));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text(errorElement)).isEqualTo(message);
        assertThat(answer.text(".error-summary")).contains(message);
        assertNothingStored();
    }

    @Test
    void portalRejectsDetailsOverTenKilobytesAndKeepsWhatWasTyped() {
        Page form = browser.get("/");
        Page answer = browser.post("/requests", form, Map.of("type", "ACCESS", "regime", "GDPR", "name", "Jo",
                "email", "jo@example.com", "details", TEN_KB_PLUS_ONE));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("#details-error")).contains("under 10 kB");
        // Nothing the person typed is lost: the form comes back filled in.
        assertThat(answer.document().selectFirst("#name").val()).isEqualTo("Jo");
        assertThat(answer.document().selectFirst("#details").val()).hasSize(10_241);
        assertNothingStored();
    }

    @Test
    void portalFormWithoutCsrfTokenIsRefusedWithAnExplanation() {
        Page answer = browser.postRaw("/requests", Map.of("type", "ACCESS", "regime", "GDPR", "name", "Jo",
                "email", "jo@example.com"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.mainText()).contains("This form has expired", "Nothing was sent");
        assertNothingStored();
    }

    @Test
    void aTokenFromAnotherVisitorsPageIsRefused() {
        // Anonymous visitors keep their token in a cookie (no session): a forger who loads the form in their own
        // browser gets a token that only their own cookie matches.
        Page forgersPage = new WebSession(port).get("/");
        WebSession victim = new WebSession(port);
        victim.get("/");
        Page answer = victim.post("/requests", forgersPage, Map.of("type", "ACCESS", "regime", "GDPR", "name", "Jo",
                "email", "jo@example.com"));
        assertThat(answer.status()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void hostileTextIsStoredAsTextAndShownEscaped() {
        Journey journey = new Journey(port, "hostile");
        Page landing = journey.subjectSession().get("/");
        Page confirmation = journey.subjectSession().post("/requests", landing, Map.of("type", "ACCESS",
                "regime", "GDPR", "name", "<script>alert('x')</script> Robert'); DROP TABLE dsr_request;--",
                "email", journey.email(), "details", "<img src=x onerror=alert(1)>"));
        assertThat(confirmation.status()).isEqualTo(200);
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        String reference = confirmation.text("strong");
        Page detail = dpo.get("/staff/requests/" + reference);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.document().select("main script, main img")).isEmpty();
        assertThat(detail.mainText()).contains("<script>alert('x')</script> Robert'); DROP TABLE dsr_request;--",
                "<img src=x onerror=alert(1)>");
        assertThat(count("dsr_request")).isEqualTo(requestsBefore + 1);
    }

    @Test
    void forgedVerificationLinkIsNotRecognised() {
        Page answer = browser.get("/verify/forged-token-that-never-existed");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.mainText()).contains("We do not recognise this link");
        Page form = browser.get("/");
        Page post = browser.post("/verify/forged-token-that-never-existed", form, Map.of());
        assertThat(post.status()).isEqualTo(404);
        Page tooLong = browser.get("/verify/" + "a".repeat(5000));
        assertThat(tooLong.status()).isEqualTo(404);
    }

    @Test
    void verificationLinkWorksOnceAndThenSaysItWasUsed() {
        Journey journey = new Journey(port, "reuse");
        journey.submit("ACCESS", "GDPR", "");
        String path = Journey.linkPath(journey.awaitMail("Please confirm your request"), "verify");
        WebSession subject = journey.subjectSession();
        Page confirmPage = subject.get(path);
        assertThat(subject.post(path, confirmPage, Map.of()).status()).isEqualTo(200);

        Page again = subject.post(path, confirmPage, Map.of());
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.mainText()).contains("This link has already been used");
        assertThat(subject.get(path).status()).isEqualTo(410);
    }

    @Test
    void forgedStatusLinkFindsNothing() {
        Page answer = browser.get("/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.mainText()).contains("We could not find this request");
    }

    @Test
    void unknownReferenceIsA404ForTheApiAndForStaff() throws Exception {
        HttpResponse<String> api = api("GET", "/api/v1/requests/DSR-2099-999999", "demo-api-key", null);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(json.readTree(api.body()).path("title").asText()).isEqualTo("Unknown request");

        Page staffPage = new WebSession(port).login("dpo", "dpo").get("/staff/requests/DSR-2099-999999");
        assertThat(staffPage.status()).isEqualTo(404);
        assertThat(staffPage.mainText()).contains("Request not found");
    }

    @Test
    void apiRejectsAWrongOrMissingKeyWithoutStoringAnything() throws Exception {
        String body = "{\"type\":\"ACCESS\",\"regime\":\"GDPR\",\"subject\":{\"email\":\"jo@example.com\",\"name\":\"Jo\"}}";
        HttpResponse<String> wrong = api("POST", "/api/v1/requests", "not-the-key", body);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrong.body()).path("title").asText()).isEqualTo("Invalid API key");
        assertThat(api("POST", "/api/v1/requests", null, body).statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void apiReportsEveryInvalidFieldAsProblemDetails() throws Exception {
        String body = "{\"type\":\"STEAL\",\"regime\":\"MARS\",\"subject\":{\"email\":\"nope\",\"name\":\"\"},"
                + "\"details\":\"" + TEN_KB_PLUS_ONE + "\"}";
        HttpResponse<String> response = api("POST", "/api/v1/requests", "demo-api-key", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        List<String> fields = StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asText()).toList();
        assertThat(fields).containsExactlyInAnyOrder("type", "regime", "subject.email", "subject.name", "details");
        assertThat(response.body()).doesNotContain("Exception", "at org.");
        assertNothingStored();
    }

    @Test
    void apiRejectsMalformedJson() throws Exception {
        HttpResponse<String> response = api("POST", "/api/v1/requests", "demo-api-key", "{\"type\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("title").asText()).isEqualTo("Unreadable request body");
        assertNothingStored();
    }

    @Test
    void deadlineApiNamesTheWrongParameters() throws Exception {
        HttpResponse<String> response = api("GET", "/api/v1/deadlines?regime=GDPR&type=ACCESS&received=31-01-2027",
                null, null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"received\"");
    }

    @Test
    void theRestApiOfTheEngineNeedsAnAdmin() throws Exception {
        assertThat(api("GET", "/engine-rest/process-definition/count", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> asOfficer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/process-definition/count"))
                .header("Authorization", basic("dpo", "dpo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asOfficer.statusCode()).isEqualTo(403);
        HttpResponse<String> asAdmin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/process-definition/count"))
                .header("Authorization", basic("admin", "admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(json.readTree(asAdmin.body()).path("count").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void staffPagesNeedALoginAndOwnersCannotReadThePrivacyOfficersList() {
        Page anonymous = browser.get("/staff");
        assertThat(anonymous.uri()).endsWith("/login");
        Page wrongPassword = browser.post("/login", browser.get("/login"), Map.of("username", "dpo", "password", "x"));
        assertThat(wrongPassword.mainText()).contains("do not match");
        Page cockpitAsOwner = new WebSession(port).login("owner", "owner").get("/camunda/app/cockpit/default/");
        assertThat(cockpitAsOwner.status()).isEqualTo(403);
    }

    static Stream<Arguments> controlCharactersInForms() {
        return Stream.of(
                Arguments.of("NUL in the name", "/", "/requests", requestForm("name", "Jo\u0000"), "name"),
                Arguments.of("NUL in the email", "/", "/requests", requestForm("email", "jo@example.com\u0000"), "email"),
                Arguments.of("NUL in the details", "/", "/requests", requestForm("details", "All of it\u0000"), "details"),
                Arguments.of("bell in the account number", "/", "/requests", requestForm("accountId", "A-1\u0007"),
                        "accountId"),
                Arguments.of("escape in a correction", "/", "/requests",
                        requestForm("corrections[0].value", "Smith\u001b[31m"), "corrections[0].value"),
                Arguments.of("header injection in the email", "/", "/requests",
                        requestForm("email", "a@b.com\r\nBcc: x@y.z"), "email"),
                Arguments.of("line break in the name", "/", "/requests",
                        requestForm("name", "Dear Victim\n\nURGENT: your account is locked"), "name"),
                Arguments.of("NUL in an opt-out", "/do-not-sell-or-share", "/do-not-sell-or-share",
                        Map.of("email", "jo@example.com\u0000", "regime", "CCPA"), "email"),
                Arguments.of("C1 control in an opt-out's place", "/limit-sensitive-use", "/limit-sensitive-use",
                        Map.of("email", "jo@example.com", "regime", "CCPA\u0085"), "regime"),
                Arguments.of("NUL in the preference form", "/preferences", "/preferences",
                        Map.of("email", "jo\u0000@example.com"), "email"),
                Arguments.of("NUL in the staff sign-in", "/login", "/login",
                        Map.of("username", "dpo\u0000", "password", "dpo"), "username"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharactersInForms")
    void controlCharactersInAnyFormFieldAreRefusedNamingTheField(String caseName, String formPath, String action,
                                                              Map<String, String> fields, String field) {
        long optOutsBefore = count("consent_record");
        Page answer = browser.post(action, browser.get(formPath), fields);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("#bad-input")).contains("The field " + field + " contains an invisible control character",
                "Nothing was sent or saved");
        assertThat(answer.body()).doesNotContain("Exception", "at org.");
        assertNothingStored();
        assertThat(count("consent_record")).isEqualTo(optOutsBefore);
    }

    @Test
    void lineBreaksAndTabsAreWelcomeInFreeText() {
        Journey journey = new Journey(port, "multiline");
        journey.submit("ACCESS", "GDPR", "Everything you hold:\n\t- orders\r\n\t- newsletters");
        assertThat(count("dsr_request")).isEqualTo(requestsBefore + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a web address        | Visit http://evil.example/reset now",
            "a bare domain        | Jo from evil.example",
            "www                  | Jo www.evil",
            "an email address     | jo@evil.example",
            "an IP address        | Jo 10.0.0.1",
            "a dot between words  | Dr.Smith"})
    void aNameCarriesNoLinkOnThePortal(String caseName, String name) {
        Page answer = browser.post("/requests", browser.get("/"), requestForm("name", name));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("#name-error")).isEqualTo("Write only your name, on one line, without web or email addresses");
        assertNothingStored();
    }

    @Test
    void initialsAndLongNamesThatAreNamesAreAccepted() {
        Page form = browser.get("/");
        Page answer = browser.post("/requests", form, requestForm("name", "J.R.R. Tolkien"));
        assertThat(answer.status()).isEqualTo(200);
        Page tooLong = browser.post("/requests", browser.get("/"), requestForm("name", "N".repeat(101)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("#name-error")).isEqualTo("Keep your name under 100 characters");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NUL in the name               | subject.name | {\"email\":\"jo@example.com\",\"name\":\"Jo\\u0000\"} | ",
            "NUL in the email              | subject.email | {\"email\":\"jo@example.com\\u0000\",\"name\":\"Jo\"} | ",
            "NUL in the details            | details      | {\"email\":\"jo@example.com\",\"name\":\"Jo\"} | \"details\":\"a\\u0000b\",",
            "a line break in the account   | subject.accountId | {\"email\":\"jo@example.com\",\"name\":\"Jo\",\"accountId\":\"A\\nB\"} | ",
            "a hostile name with a link    | subject.name | {\"email\":\"jo@example.com\",\"name\":\"Dear Victim\\n\\nURGENT: visit http://evil.example/reset now\"} | ",
            "a received date in 1900       | receivedAt   | {\"email\":\"jo@example.com\",\"name\":\"Jo\"} | \"receivedAt\":\"1900-01-01\",",
            "a received date in the future | receivedAt   | {\"email\":\"jo@example.com\",\"name\":\"Jo\"} | \"receivedAt\":\"2999-01-01\","})
    void theApiRefusesControlCharactersLinksInNamesAndImpossibleDatesNamingTheField(String caseName, String field,
                                                                                   String subject, String more)
            throws Exception {
        String body = "{\"type\":\"ACCESS\",\"regime\":\"GDPR\"," + (more == null ? "" : more)
                + "\"subject\":" + subject + "}";
        HttpResponse<String> response = api("POST", "/api/v1/requests", "demo-api-key", body);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        List<String> fields = StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asText()).toList();
        assertThat(fields).containsExactly(field);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
        assertNothingStored();
    }

    @Test
    void aControlCharacterInAQueryParameterOfTheApiIsA400() throws Exception {
        HttpResponse<String> response = api("GET", "/api/v1/deadlines?regime=GDPR%00&type=ACCESS&received=2027-01-31",
                null, null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"regime\"", "control character");
    }

    private static Map<String, String> requestForm(String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("type", "ACCESS", "regime", "GDPR",
                "name", "Jo", "email", "jo@example.com", "details", ""));
        fields.put(field, value);
        return fields;
    }

    private void assertNothingStored() {
        assertThat(count("dsr_request")).as("requests stored").isEqualTo(requestsBefore);
        assertThat(count("outbox_message")).as("messages written").isEqualTo(messagesBefore);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private HttpResponse<String> api(String method, String path, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

}
