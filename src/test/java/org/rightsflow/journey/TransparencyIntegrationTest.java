package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.Channel;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.ReportingContext;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public transparency page against a known year: requests entered as received on days of a past year (letters
 * logged late), then carried to their end the way staff and a processor do it: three opt-outs answered after the shop
 * database's connector and the mailing agency's confirmation, two deletions refused by a privacy officer, an access
 * request left open, and a deletion of the following year that must not count. The page, read as a visitor in
 * English, German and Spanish, has those figures and the median of the three answers; the staff metrics of the same
 * year agree; nothing of a person is on it; a hostile year is a clear 400.
 *
 * <p>The year is the one before the last calendar year: the page offers both, and the accessibility test of the same
 * context opens only the last, so no earlier visit has filled this year's cache.
 */
@ReportingContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestIntake intake;

    @Autowired
    RequestDirectory directory;

    @Autowired
    StatutoryClock statutoryClock;

    @Autowired
    Clock clock;

    private int year;
    private final List<String> references = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();
    private final List<Long> optOutDays = new ArrayList<>();

    @BeforeAll
    void aYearOfKnownRequests() {
        year = statutoryClock.dateOf(clock.instant()).getYear() - 2;
        List<Journey> optOuts = new ArrayList<>();
        for (LocalDate received : List.of(LocalDate.of(year, 3, 10), LocalDate.of(year, 6, 1),
                LocalDate.of(year, 9, 15))) {
            optOuts.add(submit(RequestType.OPT_OUT, Regime.CCPA, received));
        }
        List<Journey> deletions = List.of(submit(RequestType.DELETION, Regime.GDPR, LocalDate.of(year, 2, 1)),
                submit(RequestType.DELETION, Regime.GDPR, LocalDate.of(year, 4, 1)));
        submit(RequestType.ACCESS, Regime.GDPR, LocalDate.of(year, 5, 5));
        submit(RequestType.DELETION, Regime.GDPR, LocalDate.of(year + 1, 1, 10));

        for (Journey optOut : optOuts) {
            optOut.confirmAsProcessor(Journey.DEMO_AGENCY, "Suppressed.");
        }
        for (Journey deletion : deletions) {
            deletion.refuseOnLegalException("The data is needed to defend a legal claim.");
        }
        for (Journey optOut : optOuts) {
            await().atMost(Journey.PATIENCE).until(() -> directory.get(optOut.reference()).outcome(),
                    outcome -> outcome == RequestOutcome.COMPLETED);
            var answered = directory.get(optOut.reference());
            optOutDays.add(ChronoUnit.DAYS.between(statutoryClock.dateOf(answered.receivedAt()),
                    statutoryClock.dateOf(answered.closedAt())));
        }
    }

    private Journey submit(RequestType type, Regime regime, LocalDate received) {
        String email = "transparency+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Instant receivedAt = received.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String reference = intake.submit(new NewRequest(type, regime, new SubjectIdentity(email, "Jo Tester", null),
                "Logged from a letter.", Channel.POST, receivedAt, "dpo")).request().reference();
        references.add(reference);
        emails.add(email);
        return new Journey(port, "transparency").withEmail(email).following(reference);
    }

    @Test
    void thePageHasTheYearsFiguresPerRightAndTheMedianOfTheAnswers() throws Exception {
        Document page = page("/transparency?year=" + year, "en");

        assertThat(page.selectFirst("h1").text()).isEqualTo("How we answered privacy requests in " + year);
        assertThat(row(page, "KNOW")).containsExactly("Access to your data (right to know)", "1", "0", "0",
                "none answered yet");
        assertThat(row(page, "DELETE")).containsExactly("Deletion", "2", "0", "2", "none answered yet");
        assertThat(row(page, "CORRECT")).containsExactly("Correction", "0", "0", "0", "none answered yet");
        List<Long> sorted = optOutDays.stream().sorted().toList();
        assertThat(row(page, "OPT_OUT")).containsExactly("Opt-out of sale or sharing", "3", "3", "0",
                String.valueOf(sorted.get(1)));
        assertThat(page.select("#transparency tbody tr")).as("the four rights, nothing else").hasSize(4);

        String body = page.outerHtml();
        assertThat(references).as("no reference on a public page").noneMatch(body::contains);
        assertThat(emails).as("no address on a public page").noneMatch(body::contains);
    }

    @Test
    void theStaffMetricsOfTheSameYearCountAlike() {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Element optOut = dpo.get("/staff/records?year=" + year).document()
                .selectFirst("#metrics tr:has(th:contains(Requests to opt out of sale or sharing))");
        List<Long> sorted = optOutDays.stream().sorted().toList();
        assertThat(optOut.select("td").eachText()).startsWith("3", "3", "0", "0", sorted.get(1) + ".0");
    }

    @Test
    void theStaffMetricsAnswerAYearOrLawTheyCannotShowWithA400NamingWhy() {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        int current = statutoryClock.dateOf(clock.instant()).getYear();
        for (String hostile : List.of("abc", "99999", "1999", String.valueOf(current + 1), "99999999999999999999",
                "<script>alert(1)</script>")) {
            String query = "?year=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8) + "&law=GDPR";
            for (String path : List.of("/staff/records", "/staff/records.csv")) {
                WebSession.Page answer = dpo.get(path + query);
                assertThat(answer.status()).as(path + query).isEqualTo(400);
                assertThat(answer.header("Content-Type")).as("the page with the reason, not a file").startsWith("text/html");
                assertThat(answer.text("#records-problems")).as(path + query)
                        .contains(hostile.matches("\\d{1,9}") ? "There are no records for the year " + hostile
                                + ": choose a year from 2000 to " + current : "is not a year");
                assertThat(answer.document().select("#metrics")).as("no figures of another year instead").isEmpty();
                assertThat(answer.body()).doesNotContain("<script>alert", "Exception", "at org.");
            }
        }
        WebSession.Page noLaw = dpo.get("/staff/records.csv?year=" + year + "&law=NOPE");
        assertThat(noLaw.status()).isEqualTo(400);
        assertThat(noLaw.text("#records-problems")).contains("There is no law \"NOPE\"");
        assertThat(dpo.get("/staff/records?law=gdpr").text("#records-problems")).contains("There is no law \"gdpr\"");
        // What the form offers still works: no year (this year), every law, a year and a law.
        assertThat(dpo.get("/staff/records").status()).isEqualTo(200);
        assertThat(dpo.get("/staff/records?year=&law=").status()).isEqualTo(200);
        assertThat(dpo.download("/staff/records.csv?year=" + year + "&law=CCPA").status()).isEqualTo(200);
    }

    @Test
    void aVisitorReadsThePageInGermanOrSpanishFromTheBrowsersLanguage() throws Exception {
        Document german = page("/transparency?year=" + year, "de-DE,de;q=0.9,en;q=0.5");
        assertThat(german.selectFirst("main section").attr("lang")).isEqualTo("de");
        assertThat(german.selectFirst("h1").text()).isEqualTo("So haben wir Datenschutzanfragen " + year
                + " beantwortet");
        assertThat(row(german, "DELETE")).containsExactly("Löschung", "2", "0", "2", "noch keine beantwortet");
        assertThat(german.select("#transparency thead th").eachText()).contains("Ganz oder teilweise erfüllt");

        Document spanish = page("/transparency?year=" + year, "es-US");
        assertThat(spanish.selectFirst("main section").attr("lang")).isEqualTo("es");
        assertThat(row(spanish, "OPT_OUT").get(0)).isEqualTo("Exclusión de la venta o el intercambio");

        Document french = page("/transparency?year=" + year, "fr-FR");
        assertThat(french.selectFirst("main section").attr("lang")).isEqualTo("fr");
        assertThat(french.selectFirst("h1").text()).isEqualTo("Comment nous avons répondu aux demandes sur la vie "
                + "privée en " + year);

        // Italian is not one of support.Languages.
        Document other = page("/transparency?year=" + year, "it-IT");
        assertThat(other.selectFirst("main section").attr("lang")).as("a language without texts: English")
                .isEqualTo("en");
        assertThat(other.selectFirst("h1").text()).startsWith("How we answered");
    }

    @Test
    void withoutAYearThePageShowsTheLastCalendarYear() throws Exception {
        int last = statutoryClock.dateOf(clock.instant()).getYear() - 1;
        Document page = page("/transparency", "en");
        assertThat(page.selectFirst("h1").text()).isEqualTo("How we answered privacy requests in " + last);
        assertThat(page.select("nav a").eachText()).contains(String.valueOf(last), String.valueOf(year));
    }

    @Test
    void aYearCountedOnceIsServedFromTheCacheUntilItExpires() throws Exception {
        String before = row(page("/transparency?year=" + year, "en"), "CORRECT").get(1);
        String late = "transparency+late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        intake.submit(new NewRequest(RequestType.CORRECTION, Regime.GDPR, new SubjectIdentity(late, "Jo Late", null),
                "Logged late.", Channel.POST, LocalDate.of(year, 7, 7).atTime(10, 0).toInstant(ZoneOffset.UTC), "dpo",
                java.util.Map.of("last_name", "Late")));

        assertThat(row(page("/transparency?year=" + year, "en"), "CORRECT").get(1))
                .as("counted again at most once an hour, not on each visit").isEqualTo(before);
    }

    @Test
    void aYearThePageDoesNotOfferIsAClear400() throws Exception {
        int current = statutoryClock.dateOf(clock.instant()).getYear();
        for (String hostile : List.of("abc", "1999", String.valueOf(current), String.valueOf(year - 1),
                "99999999999999999999", "-1", "2025' OR '1'='1", "<script>alert(1)</script>", "２０２５")) {
            HttpResponse<String> response = get("/transparency?year=" + URLEncoder.encode(hostile,
                    StandardCharsets.UTF_8), "en");
            assertThat(response.statusCode()).as(hostile).isEqualTo(400);
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("h1").text()).isEqualTo("There are no figures for that year");
            assertThat(page.selectFirst("#bad-year").text()).contains(String.valueOf(current - 1));
            assertThat(response.body()).doesNotContain("<script>alert", "Exception");
        }
    }

    private static List<String> row(Document page, String kind) {
        Element row = page.selectFirst("#transparency tr[data-kind=" + kind + "]");
        assertThat(row).as("the row of " + kind).isNotNull();
        List<String> cells = new ArrayList<>();
        cells.add(row.selectFirst("th").text());
        cells.addAll(row.select("td").eachText());
        return cells;
    }

    private Document page(String path, String languages) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, languages);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private HttpResponse<String> get(String path, String languages) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", languages).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
