package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rightsflow.workflow.ProcessModel.Activities.CARRIED_OUT;
import static org.rightsflow.workflow.ProcessModel.Activities.ACKNOWLEDGE;
import static org.rightsflow.workflow.ProcessModel.Activities.DUE_DAY_REMINDER_DUE;
import static org.rightsflow.workflow.ProcessModel.Activities.ESCALATE_OVERDUE;
import static org.rightsflow.workflow.ProcessModel.Activities.FIRST_REMINDER_DUE;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_IN_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_TASK;
import static org.rightsflow.workflow.ProcessModel.Activities.OVERDUE;
import static org.rightsflow.workflow.ProcessModel.Activities.RECORD_VERIFICATION;
import static org.rightsflow.workflow.ProcessModel.Activities.REQUEST_CLOSED;
import static org.rightsflow.workflow.ProcessModel.Activities.SECOND_REMINDER_DUE;
import static org.rightsflow.workflow.ProcessModel.Activities.SELECT_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_FIRST_REMINDER;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_RESPONSE;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_DUE_DAY_REMINDER;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_SECOND_REMINDER;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_VERIFICATION_LINK;
import static org.rightsflow.workflow.ProcessModel.MESSAGE_IDENTITY_VERIFIED;
import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DAY_REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.FIRST_REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;
import static org.rightsflow.workflow.ProcessModel.Variables.SECOND_REMINDER_AT;

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

/**
 * The non-interrupting timers on "Carry out the request", the escalation ladder: two reminders before the statutory
 * due date and one on the day, then an escalation every day after it, all read from process variables so that the
 * deadline, not the model, decides.
 */
@Deployment(resources = {"bpmn/data-subject-request.bpmn", "bpmn/fulfil-in-system.bpmn"})
class FulfilmentTimersProcessTest extends ProcessTestSupport {

    /** An opt-out request whose two fulfilment tasks are open. */
    private ProcessInstance requestInFulfilment() {
        ProcessInstance request = startRequest(false, "OPT_OUT");
        executeJob(request, ACKNOWLEDGE);
        executeJob(request, SELECT_SYSTEMS);
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS);
        assertThat(openFulfilmentTasks()).hasSize(2);
        return request;
    }

    @Test
    void remindersAndEscalationAreScheduledFromTheProcessVariablesWhileTasksAreOpen() {
        ProcessInstance request = requestInFulfilment();

        Map<String, Job> timers = timers(request);
        assertThat(timers).containsOnlyKeys(FIRST_REMINDER_DUE, SECOND_REMINDER_DUE, DUE_DAY_REMINDER_DUE, OVERDUE);
        assertThat(instant(timers.get(FIRST_REMINDER_DUE).getDuedate()))
                .isEqualTo(instant(variable(request, FIRST_REMINDER_AT)));
        assertThat(instant(timers.get(SECOND_REMINDER_DUE).getDuedate()))
                .isEqualTo(instant(variable(request, SECOND_REMINDER_AT)));
        assertThat(instant(timers.get(DUE_DAY_REMINDER_DUE).getDuedate()))
                .isEqualTo(instant(variable(request, DUE_DAY_REMINDER_AT)));
        assertThat(instant(timers.get(OVERDUE).getDuedate())).isEqualTo(instant(variable(request, OVERDUE_AT)));
        assertThat(openFulfilmentTasks()).allSatisfy(task ->
                assertThat(instant(task.getDueDate())).isEqualTo(instant(variable(request, DUE_DATE))));
        assertThat(executableJobs()).as("nothing is due yet").isEmpty();
    }

    @Test
    void remindersFireOnTheirDatesAndLeaveTheTasksOpen() {
        ProcessInstance request = requestInFulfilment();
        List<String> taskIds = openFulfilmentTasks().stream().map(Task::getId).toList();

        setClock(new Date(((Date) variable(request, FIRST_REMINDER_AT)).getTime() - 1000));
        assertThat(executableJobs()).as("not a second early").isEmpty();

        setClock((Date) variable(request, FIRST_REMINDER_AT));
        assertThat(executableJobs()).extracting(this::activityOf).containsExactly(FIRST_REMINDER_DUE);
        executeJob(request, FIRST_REMINDER_DUE);
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS, SEND_FIRST_REMINDER);
        executeJob(request, SEND_FIRST_REMINDER);

        assertThat(stubs.callsOf("remindAssignees")).hasSize(1).allSatisfy(call -> {
            assertThat(call.businessKey()).isEqualTo(REFERENCE_NUMBER);
            assertThat(call.activityId()).isEqualTo(SEND_FIRST_REMINDER);
        });
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS).isNotWaitingAt(SEND_FIRST_REMINDER)
                .hasPassed(FIRST_REMINDER_DUE, "first-reminder-sent");
        assertThat(openFulfilmentTasks()).extracting(Task::getId).as("the same tasks, still open")
                .containsExactlyInAnyOrderElementsOf(taskIds);
        assertThat(timers(request)).containsOnlyKeys(SECOND_REMINDER_DUE, DUE_DAY_REMINDER_DUE, OVERDUE);

        setClock((Date) variable(request, SECOND_REMINDER_AT));
        assertThat(executeDueJobs()).containsExactly(SECOND_REMINDER_DUE, SEND_SECOND_REMINDER);
        assertThat(stubs.callsOf("remindAssignees")).extracting(Call::activityId)
                .containsExactly(SEND_FIRST_REMINDER, SEND_SECOND_REMINDER);
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS).isNotWaitingAt(SEND_SECOND_REMINDER)
                .hasPassed(SECOND_REMINDER_DUE, "second-reminder-sent");
        assertThat(openFulfilmentTasks()).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(taskIds);
        assertThat(timers(request)).containsOnlyKeys(DUE_DAY_REMINDER_DUE, OVERDUE);

        setClock((Date) variable(request, DUE_DAY_REMINDER_AT));
        assertThat(executeDueJobs()).containsExactly(DUE_DAY_REMINDER_DUE, SEND_DUE_DAY_REMINDER);
        assertThat(stubs.callsOf("remindAssignees")).extracting(Call::activityId)
                .containsExactly(SEND_FIRST_REMINDER, SEND_SECOND_REMINDER, SEND_DUE_DAY_REMINDER);
        assertThat(timers(request)).containsOnlyKeys(OVERDUE);
        assertThat(stubs.callsOf("escalateOverdue")).isEmpty();
    }

    @Test
    void overdueRequestIsEscalatedAndItsTasksStayOpenUntilDone() {
        ProcessInstance request = requestInFulfilment();

        Date overdueAt = (Date) variable(request, OVERDUE_AT);
        setClock(overdueAt);
        // Nobody ran the jobs for a while (e.g. the application was down): everything that is due runs.
        assertThat(executeDueJobs()).containsExactlyInAnyOrder(FIRST_REMINDER_DUE, SECOND_REMINDER_DUE,
                DUE_DAY_REMINDER_DUE, OVERDUE, SEND_FIRST_REMINDER, SEND_SECOND_REMINDER, SEND_DUE_DAY_REMINDER,
                ESCALATE_OVERDUE);
        assertThat(stubs.beansRun()).containsSubsequence("remindAssignees", "remindAssignees", "remindAssignees",
                "escalateOverdue");

        assertThat(stubs.callsOf("escalateOverdue")).hasSize(1).first()
                .satisfies(call -> assertThat(call.businessKey()).isEqualTo(REFERENCE_NUMBER));
        assertThat(stubs.callsOf("remindAssignees")).hasSize(3);
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS).isNotWaitingAt(ESCALATE_OVERDUE)
                .hasPassed(OVERDUE, ESCALATE_OVERDUE, "escalated");
        assertThat(openFulfilmentTasks()).hasSize(2);

        // Every day it stays overdue, the officers are told again.
        Map<String, Job> next = timers(request);
        assertThat(next).containsOnlyKeys(OVERDUE);
        assertThat(instant(next.get(OVERDUE).getDuedate())).isEqualTo(instant(overdueAt).plusSeconds(86_400));
        setClock(new Date(overdueAt.getTime() + 86_400_000L));
        assertThat(executeDueJobs()).containsExactly(OVERDUE, ESCALATE_OVERDUE);
        assertThat(stubs.callsOf("escalateOverdue")).hasSize(2);

        // Late is not lost: the owners still finish and the subject still gets the answer.
        openFulfilmentTasks().forEach(task ->
                complete(task, withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "Done late.", COMPLETED_BY, "sam")));
        assertThat(executeDueJobs()).containsExactlyInAnyOrder(FULFIL_TASK, FULFIL_TASK, FULFIL_IN_SYSTEMS,
                FULFIL_IN_SYSTEMS, SEND_RESPONSE).endsWith(SEND_RESPONSE);
        assertThat(request).isEnded();
        assertThat(endEventsReached(request)).containsExactlyInAnyOrder("first-reminder-sent", "second-reminder-sent",
                "due-day-reminder-sent", "escalated", "escalated", CARRIED_OUT, REQUEST_CLOSED);
        assertThat(stubs.beansRun()).endsWith("sendResponse", "closeRequest");
    }

    @Test
    void completingTheTasksBeforeTheRemindersCancelsThem() {
        ProcessInstance request = requestInFulfilment();
        Date overdueAt = (Date) variable(request, OVERDUE_AT);
        assertThat(timers(request)).hasSize(4);

        openFulfilmentTasks().forEach(task ->
                complete(task, withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "", COMPLETED_BY, "sam")));
        calledInstances(request).values().forEach(fulfilment -> executeJob(fulfilment, FULFIL_TASK));
        countInFinishedSystems(request);
        assertThat(request).isWaitingAt(SEND_RESPONSE).isNotWaitingAt(FULFIL_IN_SYSTEMS);
        assertThat(timers(request)).as("the reminders and the escalation went with the fulfilment").isEmpty();

        executeJob(request, SEND_RESPONSE);
        assertThat(request).isEnded();
        setClock(new Date(overdueAt.getTime() + 86_400_000L));
        assertThat(executableJobs()).as("nothing fires after the request closed").isEmpty();
        assertThat(stubs.callsOf("remindAssignees")).isEmpty();
        assertThat(stubs.callsOf("escalateOverdue")).isEmpty();
        assertThat(endEventsReached(request)).containsExactly(CARRIED_OUT, REQUEST_CLOSED);
    }

    @Test
    void dueDateMovedAtVerificationMovesTheTaskDueDateAndTheTimers() {
        // UK GDPR starts the clock when the identity is confirmed: recordVerification recomputes the due date.
        LocalDate submittedDue = due;
        LocalDate restartedDue = due.plusDays(11);
        Map<String, Object> original = TIMERS.variablesFor(submittedDue);
        Map<String, Object> restarted = TIMERS.variablesFor(restartedDue);
        stubs.on("recordVerification", execution -> execution.setVariables(restarted));

        ProcessInstance request = startRequest(true);
        executeJob(request, ACKNOWLEDGE);
        executeJob(request, SEND_VERIFICATION_LINK);
        assertThat(instant(variable(request, FIRST_REMINDER_AT))).isEqualTo(instant(original.get(FIRST_REMINDER_AT)));
        runtimeService.createMessageCorrelation(MESSAGE_IDENTITY_VERIFIED)
                .processInstanceBusinessKey(REFERENCE_NUMBER).correlate();
        executeJob(request, RECORD_VERIFICATION);
        executeJob(request, SELECT_SYSTEMS);

        Map<String, Job> timers = timers(request);
        assertThat(instant(timers.get(FIRST_REMINDER_DUE).getDuedate()))
                .isEqualTo(instant(restarted.get(FIRST_REMINDER_AT)))
                .isNotEqualTo(instant(original.get(FIRST_REMINDER_AT)));
        assertThat(instant(timers.get(SECOND_REMINDER_DUE).getDuedate()))
                .isEqualTo(instant(restarted.get(SECOND_REMINDER_AT)));
        assertThat(instant(timers.get(OVERDUE).getDuedate())).isEqualTo(instant(restarted.get(OVERDUE_AT)));
        assertThat(openFulfilmentTasks()).hasSize(2).allSatisfy(task ->
                assertThat(instant(task.getDueDate())).isEqualTo(instant(restarted.get(DUE_DATE)))
                        .isNotEqualTo(instant(original.get(DUE_DATE))));
    }
}
