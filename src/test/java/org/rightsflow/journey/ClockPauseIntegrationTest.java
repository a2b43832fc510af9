package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RequestTimers;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Under UK GDPR a privacy officer asks the subject a question on the status page and the clock stops: the subject is
 * told by email (without the question), the deadline timers are held, the subject answers on the status page days
 * later, and the due date moves by the days the clock stood still. Under CCPA the clock never stops, and the page
 * says so. The engine's clock is moved, never waited for.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
class ClockPauseIntegrationTest {

    private static final int PAUSED_DAYS = 5;

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    Timeline timeline;

    @Autowired
    StatutoryClock statutoryClock;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Test
    void aQuestionPausesTheClockAndTheAnswerMovesTheDueDateByThePausedDays() {
        Journey journey = new Journey(port, "pause");
        journey.submit("ACCESS", "UK_GDPR", "Everything you hold on me.");
        journey.confirmFromEmail();
        await().atMost(Journey.PATIENCE).until(() -> timerDates(journey.reference()).containsKey("rung-due"));
        RequestDetails before = requests.get(journey.reference());

        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + journey.reference());
        String question = "Which of your two accounts do you mean: the one opened in 2019 or in 2023?";
        Page paused = dpo.post("/staff/requests/" + journey.reference() + "/pause", page,
                Map.of("question", question));
        assertThat(paused.text("#clock-paused")).contains("Clock paused since");
        assertThat(paused.text("#no-pause")).contains("already paused");

        String mail = journey.awaitMail("We have a question about your request " + journey.reference());
        assertThat(mail).contains("open it from the link below").doesNotContain("2019");
        Date held = timerDates(journey.reference()).get("rung-due");
        assertThat(held).as("no escalation while the clock stands still")
                .isAfter(Date.from(java.time.Instant.now().plus(Duration.ofDays(3000))));

        // Five days later the subject answers on the status page.
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(Duration.ofDays(PAUSED_DAYS))));
        Page status = journey.statusPage();
        assertThat(status.text("#messages")).contains(question);
        Page empty = journey.subjectSession().post(journey.statusPath() + "/answer", status, Map.of("answer", " "));
        assertThat(empty.text("#messages")).contains("Write your answer.");
        Page answered = journey.subjectSession().post(journey.statusPath() + "/answer", empty,
                Map.of("answer", "The 2023 one, please."));
        assertThat(answered.text("#messages")).contains("we received your answer", "The 2023 one, please.");
        assertThat(answered.document().select("#answer")).as("no question is waiting any more").isEmpty();

        LocalDate expected = statutoryClock.afterPause(before.regime(), RequestType.ACCESS, before.due(), PAUSED_DAYS);
        assertThat(expected).isAfterOrEqualTo(before.due().plusDays(PAUSED_DAYS));
        assertThat(requests.get(journey.reference()).due()).isEqualTo(expected);
        assertThat(answered.mainText()).contains("We must answer by");
        assertThat(timeline.entries(journey.reference())).filteredOn(e -> e.kind() == TimelineKind.CLOCK_RESUMED)
                .singleElement().extracting(TimelineEntryView::description).asString()
                .contains("stood still " + PAUSED_DAYS + " day(s)", before.due().toString(), expected.toString());
        // The ladder's one timer waits for the same rung, the first reminder, now counted from the new due date.
        assertThat(timerDates(journey.reference()).get("rung-due"))
                .isEqualTo(Date.from(LocalDateTime.of(expected.minusDays(10), LocalTime.of(9, 0))
                        .toInstant(ZoneOffset.UTC)));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(journey.reference()).active().list())
                .allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(Date.from(LocalDateTime.of(expected,
                        LocalTime.MAX.withNano(0)).toInstant(ZoneOffset.UTC))));
        Page staffView = dpo.get("/staff/requests/" + journey.reference());
        assertThat(staffView.mainText()).contains("The 2023 one, please.", "stood still " + PAUSED_DAYS + " day(s)");
        assertThat(journey.subjectSession().post(journey.statusPath() + "/answer", empty,
                Map.of("answer", "Again")).text("#messages")).as("one answer per question")
                .contains("not waiting for an answer");
    }

    @Test
    void underCcpaTheClockNeverStops() {
        Journey journey = new Journey(port, "no-pause");
        journey.submit("ACCESS", "CCPA", "");
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + journey.reference());
        assertThat(page.text("#no-pause")).contains("The clock never stops under CCPA/CPRA");
        assertThat(page.document().select("form[action$=/pause]")).isEmpty();
        Page refused = dpo.post("/staff/requests/" + journey.reference() + "/pause", page,
                Map.of("question", "Which account?"));
        assertThat(refused.text("#pause-error")).contains("never stops");
        assertThat(requests.messages(journey.reference())).isEmpty();
    }

    private Map<String, Date> timerDates(String reference) {
        return RequestTimers.of(runtime, management, reference);
    }
}
