package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The limits against abuse over real HTTP, with the budgets of production: one victim's address flooded through the
 * request form and the preference link from many client addresses, one client flooding the form with many
 * addresses, the day's mail budget shared by every public form (an opt-out still recorded), a guessed secret link,
 * 40 wrong staff passwords and then the right one, wrong API keys and one key's submissions. The application honours
 * X-Forwarded-For here, so each "client" is an address the test names (documentation ranges, never contacted).
 */
@RightsflowIntegrationTest
@TestPropertySource(properties = {
        "server.forward-headers-strategy=native",
        "rightsflow.limits.mails-per-address-per-day=3",
        "rightsflow.limits.request-form.per-client=10", "rightsflow.limits.request-form.per-subject=3",
        "rightsflow.limits.opt-out-form.per-client=30",
        "rightsflow.limits.preference-link.per-client=10", "rightsflow.limits.preference-link.per-subject=3",
        "rightsflow.limits.secret-link.per-client=30",
        "rightsflow.limits.status-page.per-client=60",
        "rightsflow.limits.download-code.per-client=10", "rightsflow.limits.download-code.per-subject=5",
        "rightsflow.limits.code-entry.per-client=10",
        "rightsflow.limits.staff-login.per-client=20",
        "rightsflow.limits.api-key-failures.per-client=10",
        "rightsflow.limits.api-submissions.per-key=5"})
class LimitsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    /** Budgets refill as time passes: the clock stands still unless a test moves it, however slow the machine. */
    @BeforeEach
    void stopTheClock() {
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void thirtyRequestFormsForOneAddressSendOnlyTheAllowedMailsAndAskTheRestToWait() {
        String victim = address("victim");
        long requestsBefore = count("dsr_request");
        int accepted = 0;
        for (int i = 1; i <= 30; i++) {
            // Thirty different client addresses: only the victim's own budget is left to stop them.
            Page answer = submitRequest(client("198.51.100." + i), victim);
            if (answer.status() == 200) {
                accepted++;
                continue;
            }
            assertTooManyRequests(answer, "Your request was not sent.");
            assertThat(answer.mainText()).contains("too many attempts for this email address");
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(count("dsr_request")).isEqualTo(requestsBefore + 3);
        // The first request's acknowledgement and verification link, and a duplicate notice for each of the two
        // others: four emails, not thirty-one.
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.messagesTo(victim).size() >= 4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> TestMailServer.messagesTo(victim).size() == 4);
    }

    @Test
    void oneClientSendingTheFormTooOftenIsAskedToWaitAndNothingIsStored() {
        WebSession client = client("192.0.2.10");
        for (int i = 0; i < 10; i++) {
            assertThat(submitRequest(client, address("many")).status()).isEqualTo(200);
        }
        long requestsBefore = count("dsr_request");
        Page answer = submitRequest(client, address("many"));
        assertTooManyRequests(answer, "Your request was not sent.");
        assertThat(answer.mainText()).contains("too many attempts from your connection",
                "What you typed is still in the form");
        assertThat(count("dsr_request")).isEqualTo(requestsBefore);
        // Another client is not held back by this one.
        assertThat(submitRequest(client("192.0.2.11"), address("other")).status()).isEqualTo(200);
    }

    @Test
    void twentyFivePreferenceLinkRequestsSendThreeLinks() {
        String person = address("prefs");
        int sent = 0;
        for (int i = 1; i <= 25; i++) {
            Page answer = askForPreferenceLink(client("203.0.113." + i), person);
            if (answer.status() == 200) {
                assertThat(answer.text("h1")).isEqualTo("Check your email");
                sent++;
            } else {
                assertTooManyRequests(answer, "No link was sent.");
            }
        }
        assertThat(sent).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.messagesTo(person).size() >= 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> TestMailServer.messagesTo(person).size() == 3);
    }

    @Test
    void theDaysMailBudgetIsSharedByEveryPublicFormAndAnOptOutIsRecordedAllTheSame() {
        String person = address("budget");
        assertThat(submitRequest(client("192.0.2.20"), person).status()).isEqualTo(200);
        assertThat(askForPreferenceLink(client("192.0.2.21"), person).status()).isEqualTo(200);
        Page firstOptOut = optOut(client("192.0.2.22"), "/do-not-sell-or-share", person);
        assertThat(firstOptOut.text("h1")).isEqualTo("Your choice is recorded");
        assertThat(firstOptOut.document().selectFirst("#no-confirmation")).isNull();

        // The day's three emails are spent: an opt-out is still recorded, without its confirmation email...
        Page secondOptOut = optOut(client("192.0.2.23"), "/limit-sensitive-use", person);
        assertThat(secondOptOut.status()).isEqualTo(200);
        assertThat(secondOptOut.text("h1")).isEqualTo("Your choice is recorded");
        assertThat(secondOptOut.text("#no-confirmation")).contains("We sent no confirmation email this time");
        // ... and a preference link is refused until midnight (UTC).
        Page link = askForPreferenceLink(client("192.0.2.24"), person);
        assertTooManyRequests(link, "No link was sent.");
        assertThat(link.mainText()).contains("as many emails today as we send one address in a day");
        Instant midnight = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        assertThat(Long.parseLong(link.header("Retry-After")))
                .isBetween(Duration.between(clock.instant(), midnight).toSeconds() - 60,
                        Duration.between(clock.instant(), midnight).toSeconds() + 60);

        // Acknowledgement, verification link, preference link, one opt-out confirmation.
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.messagesTo(person).size() >= 4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> TestMailServer.messagesTo(person).size() == 4);

        ClockUtil.setCurrentTime(Date.from(midnight.plusSeconds(60)));
        assertThat(askForPreferenceLink(client("192.0.2.25"), person).text("h1")).isEqualTo("Check your email");
    }

    @Test
    void aDownloadCodeRefusedBecauseNothingIsReadySpendsNoneOfTheDaysMail() {
        Journey journey = new Journey(port, "code-refused");
        assertThat(journey.submit("ACCESS", "GDPR", "").status()).isEqualTo(200);
        String codePath = journey.statusPath() + "/package/code";
        // Before the answer the status page offers no code; a stale tab or a script still posts for one.
        assertThat(journey.statusPage().document().select("form[action$=/package/code]")).isEmpty();
        for (int i = 0; i < 2; i++) {
            Page refused = journey.subjectSession().post(codePath, journey.subjectSession().get("/"), Map.of());
            assertThat(refused.mainText()).contains("Your data is not available to download.");
        }

        // The form spent one of the day's three emails; the two refused codes sent nothing and spent nothing.
        for (int i = 0; i < 2; i++) {
            assertThat(askForPreferenceLink(client("192.0.2.4" + i), journey.email()).text("h1"))
                    .isEqualTo("Check your email");
        }
        assertTooManyRequests(askForPreferenceLink(client("192.0.2.42"), journey.email()), "No link was sent.");
    }

    @Test
    void guessingSecretLinksFromOneClientIsStopped() {
        WebSession guesser = client("192.0.2.30");
        for (int i = 0; i < 30; i++) {
            assertThat(guesser.get("/verify/guess-" + i).status()).isEqualTo(404);
        }
        Page answer = guesser.get("/verify/guess-31");
        assertTooManyRequests(answer, "This link was not checked.");
        // The same budget covers every secret link, the processors' too.
        assertThat(guesser.get("/processors/confirm/guess").status()).isEqualTo(429);
    }

    @Test
    void fortyWrongPasswordsLockTheAccountAndTheRightOneWaitsForTheBackOff() {
        WebSession attacker = client("192.0.2.40");
        int refusedByLimit = 0;
        for (int i = 0; i < 40; i++) {
            Page answer = signIn(attacker, "owner", "wrong-" + i);
            assertThat(answer.uri()).doesNotEndWith("/staff");
            if (answer.status() == 429) {
                refusedByLimit++;
            }
        }
        // The first five were checked and wrong; every later one was refused unheard (locked, then the client's budget).
        assertThat(refusedByLimit).isEqualTo(35);

        // The owner, from another address, with the right password: refused while the lock holds, and told when.
        WebSession owner = client("192.0.2.41");
        Page locked = signIn(owner, "owner", "owner");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text("#login-limited")).contains("You were not signed in", "Try again after");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);

        // After the back-off (the first lock lasts a minute) the right password signs in, and starts the count again.
        ClockUtil.setCurrentTime(Date.from(clock.instant().plusSeconds(61)));
        assertThat(signIn(owner, "owner", "owner").uri()).endsWith("/staff");
        assertThat(jdbc.queryForObject("select failed_logins from staff_user where username = 'owner'", Integer.class))
                .isZero();

        // Five more wrong ones lock it again for a minute; one more wrong after that doubles the lock.
        WebSession again = client("192.0.2.42");
        for (int i = 0; i < 5; i++) {
            signIn(again, "owner", "still-wrong");
        }
        ClockUtil.setCurrentTime(Date.from(clock.instant().plusSeconds(61)));
        assertThat(signIn(again, "owner", "wrong-once-more").status()).isEqualTo(200);
        ClockUtil.setCurrentTime(Date.from(clock.instant().plusSeconds(61)));
        Page doubled = signIn(client("192.0.2.43"), "owner", "owner");
        assertThat(doubled.status()).isEqualTo(429);
        assertThat(Long.parseLong(doubled.header("Retry-After"))).isBetween(55L, 60L);
        ClockUtil.setCurrentTime(Date.from(clock.instant().plusSeconds(61)));
        assertThat(signIn(client("192.0.2.43"), "owner", "owner").uri()).endsWith("/staff");
    }

    @Test
    void wrongApiKeysFromOneClientAreStoppedAndOneKeysSubmissionsAreLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(api("192.0.2.50", "GET", "/api/v1/requests/DSR-2099-000001", "wrong-" + i, null).statusCode())
                    .isEqualTo(401);
        }
        // Now even the right key is not heard from that address until its budget refills.
        HttpResponse<String> stopped = api("192.0.2.50", "GET", "/api/v1/requests/DSR-2099-000001", "demo-api-key",
                null);
        assertThat(stopped.statusCode()).isEqualTo(429);
        assertThat(stopped.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(stopped.body()).contains("Too many requests");
        assertThat(stopped.headers().firstValue("Retry-After")).isPresent();
        assertThat(api("192.0.2.51", "GET", "/api/v1/requests/DSR-2099-000001", "demo-api-key", null).statusCode())
                .isEqualTo(404);

        // One key submits at most five requests a minute here, from wherever it calls.
        for (int i = 0; i < 5; i++) {
            assertThat(api("192.0.2.5" + (2 + i), "POST", "/api/v1/requests", "demo-api-key", body(address("api")))
                    .statusCode()).isEqualTo(201);
        }
        long requestsBefore = count("dsr_request");
        HttpResponse<String> sixth = api("192.0.2.60", "POST", "/api/v1/requests", "demo-api-key",
                body(address("api")));
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("The request was not submitted");
        assertThat(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(count("dsr_request")).isEqualTo(requestsBefore);
    }

    @Test
    void guessingPasswordsAtTheEngineApiSpendsTheSameBudgetAsTheLoginForm() throws Exception {
        // Password spraying: a different (unknown) user name each time, so no account lockout ever stops it.
        String sprayer = "192.0.2.50";
        for (int i = 0; i < 20; i++) {
            assertThat(engineRest(sprayer, "nobody-" + i, "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = engineRest(sprayer, "admin", "admin");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.body()).contains("Too many wrong sign-ins from this address").doesNotContain("Exception");
        // One budget for both doors: the login form is closed to this address too.
        assertThat(signIn(client(sprayer), "admin", "admin").status()).isEqualTo(429);

        // Another address signs in; right credentials spend nothing, so a script calling often never runs out.
        String script = "192.0.2.51";
        for (int i = 0; i < 25; i++) {
            assertThat(engineRest(script, "admin", "admin").statusCode()).isEqualTo(200);
        }
        assertThat(signIn(client(script), "admin", "admin").uri()).endsWith("/staff");
        // A call without credentials gets the challenge and spends nothing either.
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/process-definition/count"))
                .header("X-Forwarded-For", sprayer + "9").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("Rightsflow engine");
    }

    private HttpResponse<String> engineRest(String client, String username, String password) throws Exception {
        String credentials = java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/process-definition/count"))
                .header("X-Forwarded-For", client).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertTooManyRequests(Page answer, String notDone) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
        assertThat(answer.text("h1")).isEqualTo("Please try again later");
        assertThat(answer.mainText()).contains(notDone, "You can try again after");
    }

    private WebSession client(String address) {
        return new WebSession(port).from(address);
    }

    private static String address(String prefix) {
        return prefix + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static Page submitRequest(WebSession session, String email) {
        Page form = session.get("/");
        return session.post("/requests", form, Map.of("type", "ACCESS", "regime", "GDPR", "name", "Jo Tester",
                "email", email, "details", ""));
    }

    private static Page askForPreferenceLink(WebSession session, String email) {
        Page form = session.get("/preferences");
        return session.post("/preferences", form, Map.of("email", email));
    }

    private static Page optOut(WebSession session, String path, String email) {
        Page form = session.get(path);
        return session.post(path, form, Map.of("email", email, "regime", "CCPA"));
    }

    private static Page signIn(WebSession session, String username, String password) {
        Page form = session.get("/login");
        return session.post("/login", form, Map.of("username", username, "password", password));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String body(String email) {
        return "{\"type\":\"ACCESS\",\"regime\":\"GDPR\",\"subject\":{\"email\":\"" + email + "\",\"name\":\"Ada\"}}";
    }

    private HttpResponse<String> api(String client, String method, String path, String apiKey, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .header("X-Api-Key", apiKey)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
