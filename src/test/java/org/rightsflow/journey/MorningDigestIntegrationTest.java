package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.staff.MorningDigest;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The morning digest: with the engine clock five days before a request's due date, the owner of its open task gets
 * one email listing it with its days left; a week earlier it is not in the digest yet, and once overdue it says so.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
class MorningDigestIntegrationTest {

    private static final String OWNER_MAIL = "owner@rightsflow.example";

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    TaskService tasks;

    @Autowired
    MorningDigest digest;

    @Test
    void eachStaffMemberGetsTheirTasksDueThisWeek() {
        Journey journey = new Journey(port, "digest");
        journey.submit("ACCESS", "GDPR", "");
        journey.confirmFromEmail();
        await().atMost(Journey.PATIENCE).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(journey.reference()).active().count() > 0);
        java.time.LocalDate due = requests.get(journey.reference()).due();

        ClockUtil.setCurrentTime(Date.from(due.minusDays(12).atTime(7, 0).toInstant(java.time.ZoneOffset.UTC)));
        assertThat(digest.send().getOrDefault("owner", List.of())).as("12 days ahead: not this week")
                .doesNotContain(journey.reference());

        ClockUtil.setCurrentTime(Date.from(due.minusDays(5).atTime(7, 0).toInstant(java.time.ZoneOffset.UTC)));
        assertThat(digest.send()).containsKey("owner").containsKey("dpo");
        String mail = await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(OWNER_MAIL).stream()
                .filter(m -> TestMailServer.subject(m).startsWith("Your privacy tasks due this week"))
                .map(TestMailServer::body).filter(body -> body.contains(journey.reference())).findFirst()
                .orElse(null), body -> body != null);
        assertThat(mail).contains("5 day(s) left", "Support desk", "/staff");
        assertThat(mail).doesNotContain(journey.email());

        ClockUtil.setCurrentTime(Date.from(due.plusDays(2).atTime(7, 0).toInstant(java.time.ZoneOffset.UTC)));
        digest.send();
        await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(OWNER_MAIL).stream()
                .map(TestMailServer::body)
                .anyMatch(body -> body.contains(journey.reference()) && body.contains("OVERDUE by 2 day(s)")));
    }
}
