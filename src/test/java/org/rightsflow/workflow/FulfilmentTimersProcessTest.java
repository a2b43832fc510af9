package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rightsflow.workflow.ProcessModel.Activities.ACKNOWLEDGE;
import static org.rightsflow.workflow.ProcessModel.Activities.CARRIED_OUT;
import static org.rightsflow.workflow.ProcessModel.Activities.ESCALATE_OVERDUE;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_IN_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_TASK;
import static org.rightsflow.workflow.ProcessModel.Activities.RECORD_VERIFICATION;
import static org.rightsflow.workflow.ProcessModel.Activities.REQUEST_CLOSED;
import static org.rightsflow.workflow.ProcessModel.Activities.RUNG_DUE;
import static org.rightsflow.workflow.ProcessModel.Activities.SELECT_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_REMINDER;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_RESPONSE;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_VERIFICATION_LINK;
import static org.rightsflow.workflow.ProcessModel.MESSAGE_IDENTITY_VERIFIED;
import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.NEXT_REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.REMINDER_RUNG;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.rightsflow.workflow.DelegateStubs.Call;
import org.rightsflow.workflow.DueDateTimers.Rung;

/**
 * The reminder ladder inside "Carry out the request": two reminders before the statutory due date and one on the
 * day, then an escalation every day after it, each rung's date read from the due date, and one timer job at a time,
 * for the next rung.
 */
@Deployment(resources = {"bpmn/data-subject-request.bpmn", "bpmn/fulfil-in-system.bpmn"})
class FulfilmentTimersProcessTest extends ProcessTestSupport {

    /** An opt-out request whose two fulfilment tasks are open. */
    private ProcessInstance requestInFulfilment() {
        ProcessInstance request = startRequest(false, "OPT_OUT");
        executeJob(request, ACKNOWLEDGE);
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS);
        assertThat(openFulfilmentTasks()).hasSize(2);
        return request;
    }

    private Date rung(Rung rung) {
        return TIMERS.rungAt(null, due, rung);
    }

    @Test
    void anOpenRequestHoldsExactlyOneTimerJobForItsWholeLadder() {
        ProcessInstance request = requestInFulfilment();

        // Every process of the request (its own and each system's), every job: one timer, the ladder's.
        List<Job> timerJobs = managementService.createJobQuery().timers().list();
        assertThat(timerJobs).as("timer jobs of an open request with two open tasks").hasSize(1)
                .allSatisfy(job -> assertThat(job.getProcessInstanceId()).isEqualTo(request.getId()));
        assertThat(activityOf(timerJobs.get(0))).isEqualTo(RUNG_DUE);

        // Still one after each rung, the escalation included: three reminders and an escalation.
        setClock(new Date(((Date) variable(request, OVERDUE_AT)).getTime() + 3_600_000L));
        assertThat(executeDueJobs()).hasSize(4).containsOnly(RUNG_DUE);
        assertThat(managementService.createJobQuery().timers().count()).isEqualTo(1);
    }

    @Test
    void theLadderWaitsForItsFirstRungWhileTasksAreOpen() {
        ProcessInstance request = requestInFulfilment();

        Map<String, Job> timers = timers(request);
        assertThat(timers).containsOnlyKeys(RUNG_DUE);
        assertThat(variable(request, REMINDER_RUNG)).isEqualTo(Rung.FIRST_REMINDER.name());
        assertThat(instant(timers.get(RUNG_DUE).getDuedate())).isEqualTo(instant(rung(Rung.FIRST_REMINDER)))
                .isEqualTo(instant(variable(request, NEXT_REMINDER_AT)))
                .isEqualTo(due.minusDays(10).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
        assertThat(openFulfilmentTasks()).allSatisfy(task ->
                assertThat(instant(task.getDueDate())).isEqualTo(instant(variable(request, DUE_DATE))));
        assertThat(executableJobs()).as("nothing is due yet").isEmpty();
    }

    @Test
    void remindersFireOnTheirDatesAndLeaveTheTasksOpen() {
        ProcessInstance request = requestInFulfilment();
        List<String> taskIds = openFulfilmentTasks().stream().map(Task::getId).toList();

        setClock(new Date(rung(Rung.FIRST_REMINDER).getTime() - 1000));
        assertThat(executableJobs()).as("not a second early").isEmpty();

        setClock(rung(Rung.FIRST_REMINDER));
        assertThat(executableJobs()).extracting(this::activityOf).containsExactly(RUNG_DUE);
        executeJob(request, RUNG_DUE);

        assertThat(stubs.callsOf("remindAssignees")).hasSize(1).allSatisfy(call -> {
            assertThat(call.businessKey()).isEqualTo(REFERENCE_NUMBER);
            assertThat(call.activityId()).isEqualTo(SEND_REMINDER);
        });
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS, RUNG_DUE).hasPassed(SEND_REMINDER);
        assertThat(openFulfilmentTasks()).extracting(Task::getId).as("the same tasks, still open")
                .containsExactlyInAnyOrderElementsOf(taskIds);
        assertThat(timers(request)).containsOnlyKeys(RUNG_DUE);
        assertThat(instant(timers(request).get(RUNG_DUE).getDuedate())).isEqualTo(instant(rung(Rung.SECOND_REMINDER)));
        assertThat(variable(request, REMINDER_RUNG)).isEqualTo(Rung.SECOND_REMINDER.name());

        setClock(rung(Rung.SECOND_REMINDER));
        assertThat(executeDueJobs()).containsExactly(RUNG_DUE);
        assertThat(stubs.callsOf("remindAssignees")).extracting(Call::activityId)
                .containsExactly(SEND_REMINDER, SEND_REMINDER);
        assertThat(openFulfilmentTasks()).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(taskIds);
        assertThat(instant(timers(request).get(RUNG_DUE).getDuedate())).isEqualTo(instant(rung(Rung.DUE_DAY_REMINDER)));

        setClock(rung(Rung.DUE_DAY_REMINDER));
        assertThat(executeDueJobs()).containsExactly(RUNG_DUE);
        assertThat(stubs.callsOf("remindAssignees")).hasSize(3);
        assertThat(timers(request)).containsOnlyKeys(RUNG_DUE);
        assertThat(instant(timers(request).get(RUNG_DUE).getDuedate())).isEqualTo(instant(variable(request, OVERDUE_AT)));
        assertThat(variable(request, REMINDER_RUNG)).isEqualTo(Rung.OVERDUE.name());
        assertThat(stubs.callsOf("escalateOverdue")).isEmpty();
    }

    @Test
    void overdueRequestIsEscalatedAndItsTasksStayOpenUntilDone() {
        ProcessInstance request = requestInFulfilment();

        Date overdueAt = (Date) variable(request, OVERDUE_AT);
        setClock(overdueAt);
        // Nobody ran the jobs for a while (e.g. the application was down): every missed rung goes out once.
        assertThat(executeDueJobs()).containsExactly(RUNG_DUE, RUNG_DUE, RUNG_DUE, RUNG_DUE);
        assertThat(stubs.beansRun()).containsSubsequence("remindAssignees", "remindAssignees", "remindAssignees",
                "escalateOverdue");

        assertThat(stubs.callsOf("escalateOverdue")).hasSize(1).first().satisfies(call -> {
            assertThat(call.businessKey()).isEqualTo(REFERENCE_NUMBER);
            assertThat(call.activityId()).isEqualTo(ESCALATE_OVERDUE);
        });
        assertThat(stubs.callsOf("remindAssignees")).hasSize(3);
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS, RUNG_DUE).hasPassed(ESCALATE_OVERDUE);
        assertThat(openFulfilmentTasks()).hasSize(2);

        // Every day it stays overdue, the officers are told again.
        Map<String, Job> next = timers(request);
        assertThat(next).containsOnlyKeys(RUNG_DUE);
        assertThat(instant(next.get(RUNG_DUE).getDuedate())).isEqualTo(instant(overdueAt).plusSeconds(86_400));
        setClock(new Date(overdueAt.getTime() + 86_400_000L));
        assertThat(executeDueJobs()).containsExactly(RUNG_DUE);
        assertThat(stubs.callsOf("escalateOverdue")).hasSize(2);

        // Down for three days: one escalation when back, the next one at the following midnight.
        setClock(new Date(overdueAt.getTime() + 4 * 86_400_000L + 3_600_000L));
        assertThat(executeDueJobs()).containsExactly(RUNG_DUE);
        assertThat(stubs.callsOf("escalateOverdue")).hasSize(3);
        assertThat(instant(timers(request).get(RUNG_DUE).getDuedate()))
                .isEqualTo(instant(overdueAt).plusSeconds(5 * 86_400));

        // Late is not lost: the owners still finish and the subject still gets the answer.
        openFulfilmentTasks().forEach(task ->
                complete(task, withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "Done late.", COMPLETED_BY, "sam")));
        assertThat(executeDueJobs()).containsExactlyInAnyOrder(FULFIL_TASK, FULFIL_TASK, FULFIL_IN_SYSTEMS,
                FULFIL_IN_SYSTEMS, SEND_RESPONSE).endsWith(SEND_RESPONSE);
        assertThat(request).isEnded();
        assertThat(endEventsReached(request)).containsExactly(CARRIED_OUT, REQUEST_CLOSED);
        assertThat(stubs.beansRun()).endsWith("sendResponse", "closeRequest");
    }

    @Test
    void completingTheTasksBeforeTheRemindersCancelsThem() {
        ProcessInstance request = requestInFulfilment();
        Date overdueAt = (Date) variable(request, OVERDUE_AT);
        assertThat(timers(request)).hasSize(1);

        openFulfilmentTasks().forEach(task ->
                complete(task, withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "", COMPLETED_BY, "sam")));
        calledInstances(request).values().forEach(fulfilment -> executeJob(fulfilment, FULFIL_TASK));
        countInFinishedSystems(request);
        assertThat(request).isWaitingAt(SEND_RESPONSE).isNotWaitingAt(FULFIL_IN_SYSTEMS);
        assertThat(timers(request)).as("the ladder ended with the fulfilment").isEmpty();

        executeJob(request, SEND_RESPONSE);
        assertThat(request).isEnded();
        setClock(new Date(overdueAt.getTime() + 86_400_000L));
        assertThat(executableJobs()).as("nothing fires after the request closed").isEmpty();
        assertThat(stubs.callsOf("remindAssignees")).isEmpty();
        assertThat(stubs.callsOf("escalateOverdue")).isEmpty();
        assertThat(endEventsReached(request)).containsExactly(CARRIED_OUT, REQUEST_CLOSED);
    }

    @Test
    void dueDateMovedAtVerificationMovesTheTaskDueDateAndTheLadder() {
        // UK GDPR starts the clock when the identity is confirmed: recordVerification recomputes the due date.
        LocalDate restartedDue = due.plusDays(11);
        Map<String, Object> original = TIMERS.variablesFor(due);
        Map<String, Object> restarted = TIMERS.variablesFor(restartedDue);
        stubs.on("recordVerification", execution -> execution.setVariables(restarted));

        ProcessInstance request = startRequest(true);
        executeJob(request, ACKNOWLEDGE);
        runtimeService.createMessageCorrelation(MESSAGE_IDENTITY_VERIFIED)
                .processInstanceBusinessKey(REFERENCE_NUMBER).correlate();
        executeJob(request, RECORD_VERIFICATION);

        Map<String, Job> timers = timers(request);
        assertThat(instant(timers.get(RUNG_DUE).getDuedate()))
                .isEqualTo(instant(TIMERS.rungAt(null, restartedDue, Rung.FIRST_REMINDER)))
                .isNotEqualTo(instant(rung(Rung.FIRST_REMINDER)));
        assertThat(openFulfilmentTasks()).hasSize(2).allSatisfy(task ->
                assertThat(instant(task.getDueDate())).isEqualTo(instant(restarted.get(DUE_DATE)))
                        .isNotEqualTo(instant(original.get(DUE_DATE))));
    }
}
