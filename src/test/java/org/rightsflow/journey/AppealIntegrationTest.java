package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rightsflow.request.AppealOutcome;
import org.rightsflow.request.AppealView;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Virginia customer appeals a refusal from the status page: the appeal runs to its own statutory date (60 days,
 * Va. Code §59.1-577(C)), is escalated when that date passes undecided, cannot be decided by the officer who refused,
 * and is decided by another, who denies it: the customer is told how to complain to the Attorney General. Under GDPR
 * there is no appeal to us, and the status page offers none.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
class AppealIntegrationTest {

    private static final String DPO_MAIL = "dpo@rightsflow.example";

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    TaskService tasks;

    @Test
    void anAppealRunsToItsOwnDateAndIsDecidedBySomeoneElseThanTheOriginalDecider() {
        Journey journey = new Journey(port, "appeal");
        journey.submit("ACCESS", "VCDPA", "");
        journey.confirmFromEmail();
        journey.refuseOnLegalException("The records are under legal privilege.");
        journey.awaitMail("Our decision on your request " + journey.reference());

        Page status = journey.statusPage();
        assertThat(status.text("#appeal")).contains("Appeal this decision");
        Page empty = journey.subjectSession().post(journey.statusPath() + "/appeal", status, Map.of("statement", ""));
        assertThat(empty.text("#appeal")).contains("Say why you disagree");
        LocalDate appealedOn = LocalDate.now(ZoneOffset.UTC);
        Page appealed = journey.subjectSession().post(journey.statusPath() + "/appeal", empty,
                Map.of("statement", "The privilege covers only part of my records."));
        LocalDate due = appealedOn.plusDays(60);
        assertThat(appealed.text("#appeal")).contains("We received your appeal", "We must decide by");
        AppealView appeal = requests.appeal(journey.reference()).orElseThrow();
        assertThat(appeal.dueOn()).as("60 calendar days from the appeal").isEqualTo(due);
        assertThat(journey.awaitMail("We received your appeal on request " + journey.reference()))
                .contains("Someone who did not take the original decision");
        assertThat(journey.subjectSession().post(journey.statusPath() + "/appeal", empty,
                Map.of("statement", "Again")).text("#appeal")).contains("appealed this decision already");

        Task decide = await().atMost(Journey.PATIENCE).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(journey.reference()).taskDefinitionKey("decide-appeal").singleResult(),
                task -> task != null);
        assertThat(decide.getDueDate()).isEqualTo(Date.from(due.atTime(LocalTime.MAX.withNano(0))
                .toInstant(ZoneOffset.UTC)));

        // The date passes undecided: the privacy officers are alerted.
        ClockUtil.setCurrentTime(Date.from(due.plusDays(1).atTime(1, 0).toInstant(ZoneOffset.UTC)));
        await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(DPO_MAIL).stream().anyMatch(m ->
                TestMailServer.subject(m).equals("OVERDUE: the appeal on request " + journey.reference()
                        + " passed its statutory date")));

        // The officer who refused may not decide the appeal.
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page task = dpo.get("/staff/tasks/" + decide.getId());
        assertThat(task.text("#original-deciders")).contains("dpo");
        Page notYou = dpo.post("/staff/tasks/" + decide.getId() + "/decide-appeal", task, Map.of("outcome", "DENIED",
                "explanation", "Privilege covers all of it."));
        assertThat(notYou.mainText()).contains("decided by someone other than who took the original decision");
        assertThat(requests.appeal(journey.reference()).orElseThrow().decided()).isFalse();

        WebSession admin = new WebSession(port).login("admin", "admin");
        Page adminTask = admin.get("/staff/tasks/" + decide.getId());
        Page noExplanation = admin.post("/staff/tasks/" + decide.getId() + "/decide-appeal", adminTask,
                Map.of("outcome", "DENIED", "explanation", ""));
        assertThat(noExplanation.status()).isEqualTo(400);
        assertThat(noExplanation.mainText()).contains("Explain the decision");
        admin.post("/staff/tasks/" + decide.getId() + "/decide-appeal", noExplanation, Map.of("outcome", "DENIED",
                "explanation", "Counsel confirmed the privilege covers every record you asked for."));

        AppealView decided = requests.appeal(journey.reference()).orElseThrow();
        assertThat(decided.outcome()).isEqualTo(AppealOutcome.DENIED);
        assertThat(decided.decidedBy()).isEqualTo("admin");
        assertThat(journey.awaitMail("The decision on your appeal, request " + journey.reference()))
                .contains("Your appeal is denied", "Counsel confirmed",
                        "submit a complaint to the Virginia Attorney General");
        assertThat(journey.statusPage().text("#appeal-outcome")).contains("Your appeal was denied");
    }

    @Test
    void aGrantedAppealCarriesTheRequestOutAsAFollowUpAndGdprHasNoAppeal() {
        Journey journey = new Journey(port, "appeal-granted");
        journey.submit("ACCESS", "CTDPA", "");
        journey.confirmFromEmail();
        journey.refuseOnLegalException("Privileged.");
        Page status = journey.statusPage();
        journey.subjectSession().post(journey.statusPath() + "/appeal", status, Map.of("statement", "Not all of it."));
        Task decide = await().atMost(Journey.PATIENCE).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(journey.reference()).taskDefinitionKey("decide-appeal").singleResult(),
                task -> task != null);
        WebSession admin = new WebSession(port).login("admin", "admin");
        admin.post("/staff/tasks/" + decide.getId() + "/decide-appeal", admin.get("/staff/tasks/" + decide.getId()),
                Map.of("outcome", "GRANTED", "explanation", "Only the legal file is privileged."));

        String followUp = requests.appeal(journey.reference()).orElseThrow().followUpReference();
        assertThat(followUp).isNotNull().isNotEqualTo(journey.reference());
        assertThat(requests.get(followUp).subject().email()).isEqualTo(journey.email());
        assertThat(requests.get(followUp).details()).contains("appeal was granted", "Only the legal file");
        assertThat(journey.awaitMail("The decision on your appeal, request " + journey.reference()))
                .contains("Your appeal is granted", "as reference " + followUp);

        // A Connecticut request carried out in full: nothing refused, nothing to appeal.
        Journey done = new Journey(port, "appeal-nothing-refused");
        done.submit("OPT_OUT", "CTDPA", "");
        done.confirmAsProcessor(Journey.DEMO_AGENCY, "Removed from the list.");
        await().atMost(Journey.PATIENCE).until(() -> requests.get(done.reference()).outcome() != null);
        Page doneStatus = done.statusPage();
        assertThat(doneStatus.document().select("#appeal")).as("no refusal, no appeal").isEmpty();
        Page notAppealable = done.subjectSession().post(done.statusPath() + "/appeal", done.subjectSession().get("/"),
                Map.of("statement", "Just because."));
        assertThat(notAppealable.text("#appeal")).contains("there is no refusal to appeal");

        Journey gdpr = new Journey(port, "no-appeal");
        gdpr.submit("ACCESS", "GDPR", "");
        gdpr.confirmFromEmail();
        gdpr.refuseOnLegalException("Privileged.");
        Page gdprStatus = gdpr.statusPage();
        assertThat(gdprStatus.document().select("#appeal")).as("GDPR gives no appeal to the controller").isEmpty();
        // A hand-made post (the page has no form): the session's token comes from the privacy center's form.
        Page refused = gdpr.subjectSession().post(gdpr.statusPath() + "/appeal", gdpr.subjectSession().get("/"),
                Map.of("statement", "Please look again."));
        assertThat(refused.text("#appeal")).contains("GDPR gives no appeal to us");
    }
}
