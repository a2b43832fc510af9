package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The status page never contradicts itself: requests are brought into each state the customer can meet by the real
 * paths (the privacy center, the links in the emails, staff pages), and the page says what is true in that state, in
 * its own headline. "Received" and "Answered" pass in a moment on the way and are checked in StatusStandingTest. The
 * engine's clock is moved (for the link that runs out unused), never waited for.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
class StatusPageIntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    TaskService tasks;

    private static final java.time.format.DateTimeFormatter LONG_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH);

    private final Map<String, String> headlines = new LinkedHashMap<>();

    @Test
    void everyStateSaysWhatIsTrueInItsOwnHeadline() {
        // Waiting for the customer to confirm, then being worked on, then with more time.
        Journey gdpr = new Journey(port, "status-gdpr");
        gdpr.submit("ACCESS", "GDPR", "Everything.");
        read(gdpr.statusPath(), "AWAITING_VERIFICATION", "Please confirm that the request comes from you.");
        gdpr.confirmFromEmail();
        awaitStatus(gdpr.reference(), RequestStatus.IN_PROGRESS);
        read(gdpr.statusPath(), "IN_PROGRESS", "We are working on your request.");
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        String reason = "Your data sits in three archives we must restore first.";
        dpo.post("/staff/requests/" + gdpr.reference() + "/extend", dpo.get("/staff/requests/" + gdpr.reference()),
                Map.of("reason", reason));
        Page extended = read(gdpr.statusPath(), "EXTENDED", "We need more time to answer your request.");
        assertThat(extended.text("#status-text")).contains("The law (GDPR)", "from",
                "to " + LONG_DATE.format(requests.get(gdpr.reference()).due()));
        assertThat(extended.text("#status-detail")).isEqualTo(reason);

        // Under UK GDPR a question stops the clock: the page says we wait for the customer, not "In progress".
        Journey paused = pausedJourney("Which of your two accounts do you mean: the one of 2019 or of 2023?");
        Page waiting = read(paused.statusPath(), "WAITING_FOR_ANSWER", "We are waiting for your answer to our question.");
        assertThat(waiting.text("#request-status")).isEqualTo("Waiting for your answer");
        assertThat(waiting.text("#status-text")).contains("the time limit stands still");
        assertThat(waiting.text("#status-detail")).contains("the one of 2019 or of 2023?");
        assertThat(waiting.document().select("#answer")).as("the form to answer is there").hasSize(1);
        Page answered = paused.subjectSession().post(paused.statusPath() + "/answer", paused.statusPage(),
                Map.of("answer", "The 2023 one."));
        assertThat(answered.document().selectFirst("#standing").attr("data-state")).isEqualTo("IN_PROGRESS");

        // Refused, with the law's remedy: Virginia appeals to us; GDPR names the authority and the courts.
        Journey virginia = refusedJourney("VCDPA", "status-va");
        Page refused = read(virginia.statusPath(), "REFUSED", "We refused your request.");
        assertThat(refused.text("#status-detail")).isEqualTo("The records are under legal privilege.");
        assertThat(refused.text("#status-remedy")).contains("appeal with the form below");
        Journey eu = refusedJourney("GDPR", "status-eu");
        assertThat(read(eu.statusPath(), "REFUSED", "We refused your request.").text("#status-remedy"))
                .contains("supervisory authority", "judicial remedy");

        // Appeal lodged, then denied by someone else than who refused.
        appeal(virginia);
        Page lodged = read(virginia.statusPath(), "APPEAL_LODGED", "We are looking at your appeal.");
        assertThat(lodged.text("#status-text")).contains("We must decide by");
        assertThat(lodged.text("#request-status")).isEqualTo("Appeal under review").isNotEqualTo("Refused");
        decideAppeal(virginia, "DENIED", "Counsel confirmed the privilege covers every record.");
        Page denied = read(virginia.statusPath(), "APPEAL_DENIED", "Your appeal was denied.");
        assertThat(denied.text("#status-remedy")).contains("Virginia Attorney General");

        // Appeal granted: never "Refused"; the page links the follow-up, whose link the customer already holds.
        Journey granted = refusedJourney("CTDPA", "status-granted");
        appeal(granted);
        decideAppeal(granted, "GRANTED", "Only the legal file is privileged.");
        String followUp = requests.appeal(granted.reference()).orElseThrow().followUpReference();
        Page grantedPage = read(granted.statusPath(), "APPEAL_GRANTED",
                "Your appeal was granted, so we are carrying out your request again.");
        assertThat(grantedPage.text("#request-status")).isEqualTo("Appeal granted");
        assertThat(grantedPage.mainText()).doesNotContain("Status: Refused");
        assertThat(grantedPage.text("#status-text")).contains(followUp);
        String followUpPath = Journey.linkPath(granted.awaitMail("We received your request " + followUp), "status");
        assertThat(grantedPage.document().selectFirst("#follow-up-link").attr("href"))
                .as("the same link the follow-up's own email brought").isEqualTo(followUpPath);
        assertThat(granted.subjectSession().get(followUpPath).text("h1")).contains(followUp);

        // Carried out in full; a second request of the same kind meanwhile waits for it, then closes with it.
        Journey optOut = new Journey(port, "status-done");
        optOut.submit("OPT_OUT", "CTDPA", "");
        Journey twice = new Journey(port, "unused").withEmail(optOut.email());
        twice.submit("OPT_OUT", "CTDPA", "");
        String twicePath = Journey.linkPath(twice.awaitMail("We received your request " + twice.reference()),
                "status");
        Page linked = read(twicePath, "LINKED_TO_EARLIER", "We will answer this with your earlier request.");
        assertThat(linked.text("#status-text")).contains(optOut.reference());
        optOut.confirmAsProcessor(Journey.DEMO_AGENCY, "Removed from the list.");
        await().atMost(Journey.PATIENCE).until(() -> requests.get(optOut.reference()).outcome() != null
                && requests.get(twice.reference()).outcome() != null);
        String optOutPath = Journey.linkPath(optOut.awaitMail("We received your request " + optOut.reference()),
                "status");
        read(optOutPath, "COMPLETED", "Your request is done.");
        assertThat(requests.get(twice.reference()).outcome()).isEqualTo(RequestOutcome.ANSWERED_WITH_ORIGINAL);
        read(twicePath, "ANSWERED_WITH_ORIGINAL", "We answered this with your earlier request.");

        // Never confirmed: the link runs out and the request closes, with nothing done.
        Journey unconfirmed = new Journey(port, "status-unconfirmed");
        unconfirmed.submit("DELETION", "CCPA", "");
        unconfirmed.awaitMail("Please confirm your request");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
        await().atMost(Journey.PATIENCE).until(() -> requests.get(unconfirmed.reference()).outcome()
                == RequestOutcome.UNVERIFIABLE);
        read(unconfirmed.statusPath(), "UNVERIFIABLE", "We closed your request because you did not confirm it.");

        assertThat(headlines.values()).as("no two states share a headline: " + headlines).doesNotHaveDuplicates();
        assertThat(headlines).hasSize(12);
    }

    @TestFactory
    Stream<DynamicTest> theStatesThatAskSomethingOfTheCustomerAreAccessible() {
        Journey[] journeys = new Journey[2];
        return Stream.of(
                pages.check("status page waiting for the customer's answer", () -> {
                    journeys[0] = pausedJourney("Which account do you mean?");
                    pages.open(journeys[0].statusPath());
                    assertThat(browser.find("#status-headline").getText())
                            .isEqualTo("We are waiting for your answer to our question.");
                }),
                pages.check("status page of a refusal that can be appealed", () -> {
                    journeys[1] = refusedJourney("CTDPA", "status-axe");
                    pages.open(journeys[1].statusPath());
                    assertThat(browser.find("#status-headline").getText()).isEqualTo("We refused your request.");
                    assertThat(browser.isPresent("#statement")).isTrue();
                }),
                pages.check("status page of a granted appeal", () -> {
                    appeal(journeys[1]);
                    decideAppeal(journeys[1], "GRANTED", "Only the legal file is privileged.");
                    pages.open(journeys[1].statusPath());
                    assertThat(browser.isPresent("#follow-up-link")).isTrue();
                }));
    }

    /** Opens the status page and checks the state and headline it shows; remembers the headline per state. */
    private Page read(String statusPath, String state, String headline) {
        Page page = new WebSession(port).get(statusPath);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("#standing").attr("data-state")).isEqualTo(state);
        assertThat(page.text("#status-headline")).isEqualTo(headline);
        assertThat(page.text("#status-text")).isNotBlank().doesNotContain("??", "{0}");
        headlines.putIfAbsent(state, headline);
        return page;
    }

    private Journey pausedJourney(String question) {
        Journey journey = new Journey(port, "status-paused");
        journey.submit("ACCESS", "UK_GDPR", "Everything you hold on me.");
        journey.confirmFromEmail();
        awaitStatus(journey.reference(), RequestStatus.IN_PROGRESS);
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page paused = dpo.post("/staff/requests/" + journey.reference() + "/pause",
                dpo.get("/staff/requests/" + journey.reference()), Map.of("question", question));
        assertThat(paused.text("#clock-paused")).contains("Clock paused since");
        return journey;
    }

    private Journey refusedJourney(String regime, String prefix) {
        Journey journey = new Journey(port, prefix);
        journey.submit("ACCESS", regime, "");
        journey.confirmFromEmail();
        journey.refuseOnLegalException("The records are under legal privilege.");
        return journey;
    }

    private void appeal(Journey journey) {
        Page status = journey.statusPage();
        Page appealed = journey.subjectSession().post(journey.statusPath() + "/appeal", status,
                Map.of("statement", "The privilege covers only part of my records."));
        assertThat(appealed.text("#appeal")).contains("We received your appeal");
    }

    /** Decided by the admin: the privacy officer who refused may not decide the appeal. */
    private void decideAppeal(Journey journey, String outcome, String explanation) {
        Task decide = await().atMost(Journey.PATIENCE).until(() -> tasks.createTaskQuery()
                        .processInstanceBusinessKey(journey.reference()).taskDefinitionKey("decide-appeal")
                        .singleResult(), task -> task != null);
        WebSession admin = new WebSession(port).login("admin", "admin");
        admin.post("/staff/tasks/" + decide.getId() + "/decide-appeal", admin.get("/staff/tasks/" + decide.getId()),
                Map.of("outcome", outcome, "explanation", explanation));
        await().atMost(Journey.PATIENCE).until(() -> requests.appeal(journey.reference()).orElseThrow().decided());
    }

    private void awaitStatus(String reference, RequestStatus status) {
        await().atMost(Journey.PATIENCE).until(() -> requests.get(reference).status() == status);
    }
}
