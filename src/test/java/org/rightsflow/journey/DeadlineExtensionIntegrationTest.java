package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RequestTimers;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A privacy officer extends a request's statutory period: only with a reason, only once, only inside the first
 * period and only where the law allows one. The subject gets the notice with the reason and the new date; the due
 * date, every timer (the request's reminders and escalation, the processor's deadline) and every task move, and the
 * reminder then comes before the new date, not the old one. The engine's clock is moved, never waited for.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
class DeadlineExtensionIntegrationTest {

    private static final String OWNER_MAIL = "owner@rightsflow.example";

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    Timeline timeline;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Test
    void anExtensionMovesTheDueDateEveryTimerAndTaskAndTellsTheSubjectWhy() {
        Journey journey = new Journey(port, "extension");
        journey.submit("ACCESS", "GDPR", "All my data please.");
        journey.confirmFromEmail();
        await().atMost(Journey.PATIENCE).until(() -> !openTasks(journey.reference()).isEmpty()
                && timerDates(journey.reference()).containsKey("processor-overdue"));
        RequestDetails before = requests.get(journey.reference());
        LocalDate newDue = before.extendedDue();
        assertThat(newDue).as("GDPR: two more months").isAfter(before.due().plusMonths(1));

        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page page = dpo.get("/staff/requests/" + journey.reference());
        assertThat(page.text("label[for=reason]")).startsWith("Extend to");
        Page noReason = dpo.post("/staff/requests/" + journey.reference() + "/extend", page, Map.of("reason", "  "));
        assertThat(noReason.text("#extension-error")).contains("Give the reason for the extension");
        assertThat(requests.get(journey.reference()).due()).isEqualTo(before.due());

        String reason = "Your data sits in three archives we must restore first.";
        Page extended = dpo.post("/staff/requests/" + journey.reference() + "/extend", noReason,
                Map.of("reason", reason));
        assertThat(extended.mainText()).contains("Extended to " + newDue, "from", reason);
        assertThat(requests.get(journey.reference()).due()).isEqualTo(newDue);
        assertThat(timeline.entries(journey.reference())).filteredOn(e -> e.kind() == TimelineKind.DEADLINE_EXTENDED)
                .singleElement().extracting(TimelineEntryView::description).asString()
                .contains(before.due().toString(), newDue.toString(), reason);

        String notice = journey.awaitMail("We need more time for your request " + journey.reference());
        assertThat(notice).contains(reason, "GDPR allows us to extend the period once",
                "right to complain to a data protection authority and to seek a judicial remedy");

        // Every timer that counts from the due date, in the request's process and the agency's, moved with it.
        Map<String, Date> timers = timerDates(journey.reference());
        // The request's ladder holds one timer, for its next rung: the first reminder, 10 days before the new date.
        assertThat(timers.get("rung-due")).isEqualTo(at(newDue.minusDays(10), LocalTime.of(9, 0)));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(journey.reference())
                .processDefinitionKey("data-subject-request").list()).singleElement().satisfies(instance ->
                assertThat(runtime.getVariable(instance.getId(), "nextReminderAt"))
                        .isEqualTo(at(newDue.minusDays(10), LocalTime.of(9, 0))));
        assertThat(timers.get("processor-overdue")).isEqualTo(at(newDue.plusDays(1), LocalTime.MIDNIGHT));
        assertThat(openTasks(journey.reference())).isNotEmpty().allSatisfy(task -> assertThat(task.getDueDate())
                .isEqualTo(at(newDue, LocalTime.MAX.withNano(0))));

        // Once only.
        Page again = dpo.post("/staff/requests/" + journey.reference() + "/extend", extended, Map.of("reason", "More"));
        assertThat(again.text("#extension-error")).contains("already extended");
        assertThat(again.text("#no-extension")).contains("already extended");

        // The reminder moved: none 10 days before the old date, one (for the open task) 10 days before the new one.
        ClockUtil.setCurrentTime(at(before.due().minusDays(10), LocalTime.of(9, 1)));
        await().during(Journey.QUIET).atMost(Journey.QUIET.plus(Journey.PATIENCE))
                .until(() -> remindersFor(journey.reference()) == 0);
        ClockUtil.setCurrentTime(at(newDue.minusDays(10), LocalTime.of(9, 1)));
        await().atMost(Journey.PATIENCE).until(() -> remindersFor(journey.reference()) == 1);
        await().during(Journey.QUIET).atMost(Journey.QUIET.plus(Journey.PATIENCE))
                .until(() -> remindersFor(journey.reference()) == 1);
        assertThat(TestMailServer.messagesTo(OWNER_MAIL).stream().map(TestMailServer::body)
                .filter(body -> body.contains(journey.reference()))).allMatch(body -> body.contains("10 day(s) left"));
    }

    @Test
    void noExtensionWhereTheLawGivesNoneOrAfterTheFirstPeriod() {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");

        Journey optOut = new Journey(port, "no-extension");
        optOut.submit("OPT_OUT", "CCPA", "");
        Page optOutPage = dpo.get("/staff/requests/" + optOut.reference());
        assertThat(optOutPage.text("#no-extension")).contains("CCPA/CPRA gives no extension for this kind of request");
        assertThat(optOutPage.document().select("form[action$=/extend]")).isEmpty();
        Page refused = dpo.post("/staff/requests/" + optOut.reference() + "/extend", optOutPage,
                Map.of("reason", "We would like more time."));
        assertThat(refused.text("#extension-error")).contains("gives no extension");

        Journey late = new Journey(port, "late-extension");
        late.submit("DELETION", "CCPA", "");
        late.confirmFromEmail();
        RequestDetails request = requests.get(late.reference());
        ClockUtil.setCurrentTime(at(request.due().plusDays(1), LocalTime.NOON));
        Page latePage = dpo.get("/staff/requests/" + late.reference());
        assertThat(latePage.text("#no-extension")).contains("within the first period, which ended on "
                + request.due());
        dpo.post("/staff/requests/" + late.reference() + "/extend", latePage, Map.of("reason", "Too late now."));
        assertThat(requests.get(late.reference()).due()).isEqualTo(request.due());

        WebSession owner = new WebSession(port).login("owner", "owner");
        Page ownerPage = owner.get("/staff/requests/" + late.reference());
        assertThat(ownerPage.document().select("#deadline")).as("privacy officers decide extensions").isEmpty();
    }

    private static Date at(LocalDate day, LocalTime time) {
        return Date.from(LocalDateTime.of(day, time).toInstant(ZoneOffset.UTC));
    }

    private List<Task> openTasks(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).active().list();
    }

    private Map<String, Date> timerDates(String reference) {
        return RequestTimers.of(runtime, management, reference);
    }

    private static long remindersFor(String reference) {
        return TestMailServer.messagesTo(OWNER_MAIL).stream()
                .filter(m -> TestMailServer.subject(m).startsWith("Reminder")
                        && TestMailServer.subject(m).contains(reference))
                .count();
    }
}
