package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The escalation ladder on the running application: with the engine's clock moved (never real waiting), the system
 * owners are reminded 10 and 3 days before the due date and on the day, and the privacy officers are told every day
 * once it has passed.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
class DeadlineRemindersIntegrationTest {

    private static final String OWNER_MAIL = "owner@rightsflow.example";
    private static final String DPO_MAIL = "dpo@rightsflow.example";

    @LocalServerPort
    int port;

    @Test
    void ownersAreRemindedAndOfficersEscalatedOnTheRightDays() {
        Journey journey = new Journey(port, "timers");
        journey.submit("ACCESS", "GDPR", "");
        journey.confirmFromEmail();
        // Wait until the fulfilment task (and with it the timers) exists: the support desk's, a person's work.
        WebSession owner = new WebSession(port).login("owner", "owner");
        await().atMost(Journey.PATIENCE).until(() -> owner.get("/staff").mainText().contains(journey.reference()));
        LocalDate due = LocalDate.parse(new WebSession(port).login("dpo", "dpo")
                .get("/staff/requests/" + journey.reference()).document().selectFirst("#request-due")
                .text().replaceFirst("^\\D+ ", ""), java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.ENGLISH));

        moveClockTo(due.minusDays(11).atTime(9, 30));
        // Nothing 11 days before: watched for a while, since a reminder would come from a job run after the move.
        await().during(Journey.QUIET).atMost(Journey.QUIET.plus(Journey.PATIENCE))
                .until(() -> remindersFor(journey.reference()) == 0);

        moveClockTo(due.minusDays(10).atTime(9, 1));
        await().atMost(Journey.PATIENCE).until(() -> remindersFor(journey.reference()) == 1);
        assertThat(TestMailServer.messagesTo(OWNER_MAIL).stream().map(TestMailServer::body)
                .filter(body -> body.contains(journey.reference())).toList())
                .allMatch(body -> body.contains("10 day(s) left"));

        moveClockTo(due.minusDays(3).atTime(9, 1));
        await().atMost(Journey.PATIENCE).until(() -> remindersFor(journey.reference()) == 2);

        moveClockTo(due.atTime(9, 1));
        await().atMost(Journey.PATIENCE).until(() -> remindersFor(journey.reference()) == 3);

        // Nothing for the officers on the due day itself.
        await().during(Journey.QUIET).atMost(Journey.QUIET.plus(Journey.PATIENCE))
                .until(() -> escalationsFor(journey.reference()) == 0);
        moveClockTo(due.plusDays(1).atTime(0, 1));
        await().atMost(Journey.PATIENCE).until(() -> escalationsFor(journey.reference()) == 1);
        // Still overdue the next day: told again, with the days counted.
        moveClockTo(due.plusDays(2).atTime(0, 1));
        await().atMost(Journey.PATIENCE).until(() -> escalationsFor(journey.reference()) == 2);
        assertThat(TestMailServer.messagesTo(DPO_MAIL).stream()
                .filter(m -> TestMailServer.subject(m).contains("passed its statutory due date"))
                .map(TestMailServer::body).filter(body -> body.contains(journey.reference())).findFirst().orElseThrow())
                .contains("1 day(s) overdue", "1 task(s) still open");
        // The mailing agency, which never confirmed, was reminded every three days with a fresh link.
        List<String> agencyMails = TestMailServer.messagesTo(Journey.DEMO_AGENCY).stream()
                .filter(m -> TestMailServer.subject(m).contains(journey.reference()))
                .filter(m -> TestMailServer.body(m).contains("<" + journey.email() + ">"))
                .map(TestMailServer::subject).toList();
        assertThat(agencyMails.get(0)).startsWith("Data subject request " + journey.reference());
        assertThat(agencyMails).filteredOn(subject -> subject.startsWith("Reminder: data subject request")).isNotEmpty();
        // The reminders went to the owner group's member, never to the subject.
        assertThat(journey.mailSubjects()).noneMatch(subject -> subject.startsWith("Reminder"));
    }

    private static void moveClockTo(java.time.LocalDateTime utc) {
        ClockUtil.setCurrentTime(Date.from(utc.toInstant(ZoneOffset.UTC)));
    }

    /** Reminders to the demo owner about this request: one per open task (the support desk's). */
    private static long remindersFor(String reference) {
        return TestMailServer.messagesTo(OWNER_MAIL).stream()
                .filter(m -> TestMailServer.subject(m).startsWith("Reminder") && TestMailServer.subject(m).contains(reference))
                .count();
    }

    /** The request's own escalation (the processor that has not confirmed is escalated separately). */
    private static long escalationsFor(String reference) {
        return TestMailServer.messagesTo(DPO_MAIL).stream()
                .filter(m -> TestMailServer.subject(m).equals("OVERDUE: request " + reference
                        + " passed its statutory due date"))
                .count();
    }
}
