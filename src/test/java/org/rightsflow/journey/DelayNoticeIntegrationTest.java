package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.request.Extension;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * South Korea and Singapore give no extension, but let a business answer later when it tells the subject in time why
 * and by when (docs/legal-rules.md#delay-notice). A privacy officer gives that notice on the request's page: the
 * subject reads the reason and the date in their email and on their status page, the tasks move to the promised
 * date, the law's date stays on record. Under any other law the same form does not exist and a forged one changes
 * nothing.
 */
@RightsflowIntegrationTest
class DelayNoticeIntegrationTest {

    private static final String REASON = "Your orders are in an archive we must restore first.";

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    Timeline timeline;

    @Autowired
    TaskService tasks;

    @Test
    void aKoreanCustomerIsToldWhyAndByWhenAndTheTasksMoveToThatDate() {
        Journey journey = new Journey(port, "delay-kr");
        journey.submit("ACCESS", "PIPA_KR", "All my data please.");
        journey.confirmFromEmail();
        await().atMost(Journey.PATIENCE).until(() -> !tasks.createTaskQuery()
                .processInstanceBusinessKey(journey.reference()).active().list().isEmpty());
        RequestDetails before = requests.get(journey.reference());
        LocalDate lawsDate = before.due();

        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + journey.reference());
        assertThat(page.text("#no-extension")).contains("gives no extension");
        assertThat(page.document().selectFirst("#delay-notice")).as("the law's notice of delay instead").isNotNull();
        assertThat(page.document().selectFirst("#answer-by").attr("max")).isEqualTo(lawsDate.plusDays(30).toString());

        Page noReason = dpo.post("/staff/requests/" + journey.reference() + "/delay", page,
                Map.of("reason", " ", "answerBy", lawsDate.plusDays(5).toString()));
        assertThat(noReason.text("#delay-error")).contains("Give the reason for the delay");
        Page tooLate = dpo.post("/staff/requests/" + journey.reference() + "/delay", noReason,
                Map.of("reason", REASON, "answerBy", lawsDate.plusDays(31).toString()));
        assertThat(tooLate.text("#delay-error")).contains("no later than " + lawsDate.plusDays(30));
        Page notADate = dpo.post("/staff/requests/" + journey.reference() + "/delay", tooLate,
                Map.of("reason", REASON, "answerBy", "next week<script>"));
        assertThat(notADate.text("#delay-error")).contains("Choose the date you will answer by");
        assertThat(requests.get(journey.reference()).due()).as("nothing changed yet").isEqualTo(lawsDate);

        LocalDate promised = lawsDate.plusDays(7);
        Page told = dpo.post("/staff/requests/" + journey.reference() + "/delay", notADate,
                Map.of("reason", REASON, "answerBy", promised.toString()));
        assertThat(told.mainText()).contains("The subject is told, by email, why and that the answer comes by "
                + promised);
        assertThat(told.document().selectFirst("#delay-notice")).as("once").isNull();

        String mail = journey.awaitMail("We need more time for your request " + journey.reference());
        assertThat(mail).contains(REASON, "lets us answer later for a good reason")
                .doesNotContain("extend the period once");
        assertThat(journey.statusPage().mainText()).contains("lets us answer later for a good reason", REASON);

        RequestDetails after = requests.get(journey.reference());
        assertThat(after.due()).isEqualTo(promised);
        Extension delay = requests.extension(journey.reference()).orElseThrow();
        assertThat(delay.delayNotice()).isTrue();
        assertThat(delay.originalDue()).as("the law's date on record").isEqualTo(lawsDate);
        assertThat(timeline.entries(journey.reference())).anyMatch(entry -> entry.kind() == TimelineKind.DEADLINE_EXTENDED
                && entry.description().contains("told of a delay (PIPA Enforcement Decree Art. 41(4))"));
        await().atMost(Journey.PATIENCE).untilAsserted(() -> assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(journey.reference()).active().list())
                .extracting(Task::getDueDate).isNotEmpty()
                .allSatisfy(due -> assertThat(due.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate())
                        .isEqualTo(promised)));
    }

    @Test
    void underAnyOtherLawThereIsNoSuchNoticeAndAForgedOneChangesNothing() {
        Journey journey = new Journey(port, "delay-gdpr");
        journey.submit("ACCESS", "GDPR", "");
        journey.confirmFromEmail();
        LocalDate due = requests.get(journey.reference()).due();

        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + journey.reference());
        assertThat(page.document().selectFirst("#delay-notice")).isNull();
        Page forged = dpo.post("/staff/requests/" + journey.reference() + "/delay", page,
                Map.of("reason", REASON, "answerBy", due.plusDays(3).toString()));
        assertThat(forged.text("#delay-error")).contains("GDPR has no notice of delay");
        assertThat(requests.get(journey.reference()).due()).isEqualTo(due);
        assertThat(requests.extension(journey.reference())).isEmpty();
    }
}
