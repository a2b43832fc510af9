package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rightsflow.workflow.ProcessModel.Activities.CARRIED_OUT;
import static org.rightsflow.workflow.ProcessModel.Activities.ACKNOWLEDGE;
import static org.rightsflow.workflow.ProcessModel.Activities.APPROVE_ERASURE;
import static org.rightsflow.workflow.ProcessModel.Activities.AWAIT_CALLBACK;
import static org.rightsflow.workflow.ProcessModel.Activities.AWAIT_PROCESSOR;
import static org.rightsflow.workflow.ProcessModel.Activities.CALLBACK_LATE;
import static org.rightsflow.workflow.ProcessModel.Activities.CALLBACK_MISSING;
import static org.rightsflow.workflow.ProcessModel.Activities.CLOSE_REQUEST;
import static org.rightsflow.workflow.ProcessModel.Activities.EMAIL_PROCESSOR;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_IN_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_TASK;
import static org.rightsflow.workflow.ProcessModel.Activities.PLAN_ERASURE;
import static org.rightsflow.workflow.ProcessModel.Activities.PREPARE_SYSTEM_TASK;
import static org.rightsflow.workflow.ProcessModel.Activities.PROCESSOR_OVERDUE;
import static org.rightsflow.workflow.ProcessModel.Activities.PROCESSOR_REMINDER_DUE;
import static org.rightsflow.workflow.ProcessModel.Activities.RECORD_SYSTEM_RESULT;
import static org.rightsflow.workflow.ProcessModel.Activities.REQUEST_CLOSED;
import static org.rightsflow.workflow.ProcessModel.Activities.ROUTE;
import static org.rightsflow.workflow.ProcessModel.Activities.RUN_ACTION;
import static org.rightsflow.workflow.ProcessModel.Activities.SELECT_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_RESPONSE;
import static org.rightsflow.workflow.ProcessModel.Activities.SYSTEM_DONE;
import static org.rightsflow.workflow.ProcessModel.MESSAGE_SYSTEM_ANSWERED;
import static org.rightsflow.workflow.ProcessModel.Variables.AWAITING_CALLBACK;
import static org.rightsflow.workflow.ProcessModel.Variables.CALLBACK_INCIDENT_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.CALLBACK_REMIND_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.CONNECTOR_ACTION;
import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.ERASURE_APPROVED;
import static org.rightsflow.workflow.ProcessModel.Variables.ERASURE_PLAN_STEP;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.PROCESSOR_REMINDER_CYCLE;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_KEY;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Timeline;

/**
 * The three routes "Load system" chooses in fulfil-in-system, each driven job by job from the request that calls
 * it: an automated action through the system's connector (a dry run and an approval before an erasure, a wait for
 * a late callback with a reminder and an incident), an email to a processor (reminded on a cycle, escalated at the
 * due date, ended by its confirmation), and all three side by side in one request. Also: an answer ends the wait
 * even when a follow-up step is still queued or failed, and a missing-callback incident is cleared only with its own
 * wait.
 */
@Deployment(resources = {"bpmn/data-subject-request.bpmn", "bpmn/fulfil-in-system.bpmn"})
class ConnectorRoutesProcessTest extends ProcessTestSupport {

    /** A fixed clock, so that timer due dates can be checked to the second. */
    private static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

    // Activities of fulfil-in-system that ProcessModel does not name: gateways, follow-up steps, end events.
    private static final String ERASURE = "erasure";
    private static final String APPROVAL_NEEDED = "approval-needed";
    private static final String APPROVED = "approved";
    private static final String READY_TO_ACT = "ready-to-act";
    private static final String ANSWERED = "answered";
    private static final String SYSTEM_ANSWERED = "system-answered";
    private static final String REMIND_CALLBACK_LATE = "remind-callback-late";
    private static final String CALLBACK_REMINDED = "callback-reminded";
    private static final String RAISE_CALLBACK_INCIDENT = "raise-callback-incident";
    private static final String INCIDENT_RAISED = "incident-raised";
    private static final String REMIND_PROCESSOR = "remind-processor";
    private static final String PROCESSOR_REMINDED = "processor-reminded";
    private static final String ESCALATE_PROCESSOR = "escalate-processor";
    private static final String PROCESSOR_ESCALATED = "processor-escalated";

    private static final String CONNECTOR = RunConnectorAction.CONNECTOR_ACTOR;
    private static final long PLAN_STEP = 17L;
    /** What PrepareSystemTask makes of a processor's reminderEvery of 72 hours. */
    private static final String REMINDER_CYCLE = "R/PT72H";
    private static final Duration REMINDER_INTERVAL = Duration.ofHours(72);
    /** When RunConnectorAction would have the owners reminded of, then raise an incident for, a missing callback. */
    private static final Instant CALLBACK_REMIND_AT_TIME = NOW.plus(Duration.ofHours(24));
    private static final Instant CALLBACK_INCIDENT_AT_TIME = NOW.plus(Duration.ofHours(72));

    @BeforeEach
    void fixTheClockAndTheDryRun() {
        setClock(Date.from(NOW));
        due = NOW.atZone(ZoneOffset.UTC).toLocalDate().plusDays(30);
        // the real delegate asks the connector for a dry run and keeps its step id for the approval screen
        stubs.on("planErasure", execution -> execution.setVariable(ERASURE_PLAN_STEP, PLAN_STEP));
    }

    @Test
    void erasureIsPlannedThenApprovedByTheOwnerGroupThenCarriedOutByTheConnector() {
        route(SHOP, Route.automated("ERASE", false));
        connectorAnswersAtOnce("DONE", "Deleted 1 customer and 2 addresses; masked 4 orders.");
        ProcessInstance request = requestInFulfilment("DELETION", SHOP);
        ProcessInstance shop = fulfilment(request, SHOP);

        // Loading the system and choosing the way are synchronous; the dry run is the first job of its own.
        assertThat(shop).hasPassedInOrder(PREPARE_SYSTEM_TASK, ROUTE, ERASURE).isWaitingAtExactly(PLAN_ERASURE);
        assertThat(stubs.callsOf("planErasure")).isEmpty();

        executeJob(shop, PLAN_ERASURE);
        assertThat(shop).hasPassedInOrder(PLAN_ERASURE, APPROVAL_NEEDED).isWaitingAtExactly(APPROVE_ERASURE)
                .variables().containsEntry(ERASURE_PLAN_STEP, PLAN_STEP);
        assertThat(stubs.callsOf("planErasure")).singleElement().satisfies(call -> {
            assertThat(call.activityId()).isEqualTo(PLAN_ERASURE);
            assertThat(call.businessKey()).isEqualTo(REFERENCE_NUMBER);
            assertThat(call.variable(SYSTEM_KEY)).isEqualTo(SHOP.key());
        });

        Task approval = taskFor(SHOP);
        assertThat(approval).hasDefinitionKey(APPROVE_ERASURE).hasName("Approve erasure in " + SHOP.name())
                .hasCandidateGroup(SHOP.ownerGroup()).isNotAssigned()
                .hasDescription("Check the dry run: what would be deleted, masked and kept in " + SHOP.name() + ".");
        assertThat(instant(approval.getDueDate())).as("due when the request is due")
                .isEqualTo(instant(variable(request, DUE_DATE)));
        assertThat(stubs.callsOf("runConnectorAction")).as("nothing is erased before the approval").isEmpty();
        assertThat(timers(shop)).isEmpty();

        complete(approval, withVariables(ERASURE_APPROVED, true));
        assertThat(stubs.callsOf("runConnectorAction")).as("the approval commits before the erasure runs").isEmpty();
        executeJob(shop, APPROVE_ERASURE); // asyncAfter
        assertThat(shop).hasPassedInOrder(APPROVE_ERASURE, APPROVED, READY_TO_ACT).isWaitingAtExactly(RUN_ACTION);
        executeJob(shop, RUN_ACTION);

        assertThat(shop).isEnded()
                .hasPassedInOrder(PREPARE_SYSTEM_TASK, ROUTE, ERASURE, PLAN_ERASURE, APPROVAL_NEEDED, APPROVE_ERASURE,
                        APPROVED, READY_TO_ACT, RUN_ACTION, ANSWERED, SYSTEM_ANSWERED, RECORD_SYSTEM_RESULT,
                        SYSTEM_DONE)
                .hasNotPassed(FULFIL_TASK, AWAIT_CALLBACK, EMAIL_PROCESSOR, AWAIT_PROCESSOR);
        assertThat(endEventsReached(shop)).containsExactly(SYSTEM_DONE);
        assertThat(stubs.callsOf("runConnectorAction")).singleElement().satisfies(call -> {
            assertThat(call.activityId()).isEqualTo(RUN_ACTION);
            assertThat(call.variable(CONNECTOR_ACTION)).isEqualTo("ERASE");
            assertThat(call.variable(ERASURE_APPROVED)).isEqualTo(true);
            assertThat(call.variable(ERASURE_PLAN_STEP)).isEqualTo(PLAN_STEP);
        });
        assertThat(recordedResults()).containsExactly(
                tuple(SHOP.id(), "DONE", "Deleted 1 customer and 2 addresses; masked 4 orders.", CONNECTOR));

        requestIsAnsweredAndClosed(request);
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "selectSystemsInScope",
                "prepareSystemTask", "planErasure", "runConnectorAction", "recordSystemResult", "sendResponse",
                "closeRequest");
    }

    @Test
    void refusedErasureIsNeverRunAndIsRecordedAsNotDoneWithTheReason() {
        route(SHOP, Route.automated("ERASE", false));
        connectorAnswersAtOnce("DONE", "must not run");
        ProcessInstance request = requestInFulfilment("DELETION", SHOP);
        ProcessInstance shop = fulfilment(request, SHOP);
        executeJob(shop, PLAN_ERASURE);

        // What StaffTasks.decideErasure sends when the owner refuses.
        complete(taskFor(SHOP), withVariables(ERASURE_APPROVED, false, OUTCOME, "NOT_DONE",
                RESULT_SUMMARY, "Not erased: invoices are kept for 10 years (tax law).", COMPLETED_BY, "sam"));
        executeJob(shop, APPROVE_ERASURE);

        assertThat(shop).isEnded()
                .hasPassedInOrder(PLAN_ERASURE, APPROVE_ERASURE, APPROVED, SYSTEM_ANSWERED, RECORD_SYSTEM_RESULT,
                        SYSTEM_DONE)
                .hasNotPassed(READY_TO_ACT, RUN_ACTION, ANSWERED, AWAIT_CALLBACK);
        assertThat(endEventsReached(shop)).containsExactly(SYSTEM_DONE);
        assertThat(stubs.callsOf("runConnectorAction")).as("nothing erased").isEmpty();
        assertThat(recordedResults()).containsExactly(
                tuple(SHOP.id(), "NOT_DONE", "Not erased: invoices are kept for 10 years (tax law).", "sam"));

        requestIsAnsweredAndClosed(request);
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "selectSystemsInScope",
                "prepareSystemTask", "planErasure", "recordSystemResult", "sendResponse", "closeRequest");
    }

    @Test
    void erasureApprovedInAdvanceRunsTheDryRunThenTheActionWithoutATask() {
        route(SHOP, Route.automated("ERASE", true));
        connectorAnswersAtOnce("DONE", "Deleted 1 customer.");
        ProcessInstance request = requestInFulfilment("DELETION", SHOP);
        ProcessInstance shop = fulfilment(request, SHOP);

        executeJob(shop, PLAN_ERASURE);
        assertThat(shop).hasPassedInOrder(PLAN_ERASURE, APPROVAL_NEEDED, READY_TO_ACT).isWaitingAtExactly(RUN_ACTION)
                .hasNotPassed(APPROVE_ERASURE, APPROVED);
        assertThat(taskService.createTaskQuery().processInstanceId(shop.getId()).count()).as("no approval task")
                .isZero();
        assertThat(stubs.callsOf("runConnectorAction")).as("the action is a job of its own").isEmpty();

        executeJob(shop, RUN_ACTION);
        assertThat(shop).isEnded()
                .hasPassedInOrder(ERASURE, PLAN_ERASURE, APPROVAL_NEEDED, READY_TO_ACT, RUN_ACTION, ANSWERED,
                        SYSTEM_ANSWERED, RECORD_SYSTEM_RESULT, SYSTEM_DONE)
                .hasNotPassed(APPROVE_ERASURE, APPROVED, FULFIL_TASK, AWAIT_CALLBACK);
        assertThat(stubs.callsOf("runConnectorAction")).singleElement()
                .satisfies(call -> assertThat(call.variable(ERASURE_PLAN_STEP)).isEqualTo(PLAN_STEP));
        assertThat(recordedResults()).containsExactly(tuple(SHOP.id(), "DONE", "Deleted 1 customer.", CONNECTOR));

        requestIsAnsweredAndClosed(request);
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "selectSystemsInScope",
                "prepareSystemTask", "planErasure", "runConnectorAction", "recordSystemResult", "sendResponse",
                "closeRequest");
    }

    @Test
    void actionOtherThanErasureGoesStraightToTheConnector() {
        // autoApprove false: were this an erasure, a person would have to approve it
        route(SHOP, Route.automated("ACCESS", false));
        connectorAnswersAtOnce("NO_DATA_FOUND", "No customer with this email address.");
        ProcessInstance request = requestInFulfilment("ACCESS", SHOP);
        ProcessInstance shop = fulfilment(request, SHOP);

        assertThat(shop).hasPassedInOrder(PREPARE_SYSTEM_TASK, ROUTE, ERASURE, READY_TO_ACT)
                .isWaitingAtExactly(RUN_ACTION).hasNotPassed(PLAN_ERASURE, APPROVAL_NEEDED, APPROVE_ERASURE);
        assertThat(taskService.createTaskQuery().processInstanceId(shop.getId()).count()).isZero();

        executeJob(shop, RUN_ACTION);
        assertThat(shop).isEnded()
                .hasPassedInOrder(ERASURE, READY_TO_ACT, RUN_ACTION, ANSWERED, SYSTEM_ANSWERED, RECORD_SYSTEM_RESULT,
                        SYSTEM_DONE)
                .hasNotPassed(PLAN_ERASURE, APPROVAL_NEEDED, APPROVE_ERASURE, APPROVED, AWAIT_CALLBACK, FULFIL_TASK);
        assertThat(stubs.callsOf("runConnectorAction")).singleElement().satisfies(call -> {
            assertThat(call.variable(CONNECTOR_ACTION)).isEqualTo("ACCESS");
            assertThat(call.variables()).doesNotContainKeys(ERASURE_PLAN_STEP, ERASURE_APPROVED);
        });
        assertThat(recordedResults()).containsExactly(
                tuple(SHOP.id(), "NO_DATA_FOUND", "No customer with this email address.", CONNECTOR));

        requestIsAnsweredAndClosed(request);
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "selectSystemsInScope",
                "prepareSystemTask", "runConnectorAction", "recordSystemResult", "assemblePackage", "sendResponse",
                "closeRequest");
    }

    @Test
    void acceptedActionWaitsForTheCallbackWithAReminderAndAnIncidentUntilItComes() {
        route(SHOP, Route.automated("ERASE", true));
        connectorAcceptsAndCallsBackLater();
        raiseCallbackIncidentsForReal();
        ProcessInstance request = requestInFulfilment("DELETION", SHOP);
        ProcessInstance shop = fulfilment(request, SHOP);
        executeJob(shop, PLAN_ERASURE);
        executeJob(shop, RUN_ACTION);
        Date remindAt = Date.from(CALLBACK_REMIND_AT_TIME);
        Date incidentAt = Date.from(CALLBACK_INCIDENT_AT_TIME);

        assertThat(shop).hasPassedInOrder(RUN_ACTION, ANSWERED).isWaitingAtExactly(AWAIT_CALLBACK)
                .hasNotPassed(SYSTEM_ANSWERED, RECORD_SYSTEM_RESULT);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(shop.getId()).eventType("message")
                .eventName(MESSAGE_SYSTEM_ANSWERED).activityId(AWAIT_CALLBACK).count()).isOne();
        Map<String, Job> timers = timers(shop);
        assertThat(timers).containsOnlyKeys(CALLBACK_LATE, CALLBACK_MISSING);
        assertThat(instant(timers.get(CALLBACK_LATE).getDuedate())).isEqualTo(instant(remindAt));
        assertThat(instant(timers.get(CALLBACK_MISSING).getDuedate())).isEqualTo(instant(incidentAt));
        assertThat(stubs.callsOf("recordSystemResult")).isEmpty();
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS);

        // The reminder to the owners, not a second early; the wait goes on.
        setClock(new Date(remindAt.getTime() - 1000));
        assertThat(executableJobs()).as("not a second early").isEmpty();
        setClock(remindAt);
        assertThat(executableJobs()).extracting(this::activityOf).containsExactly(CALLBACK_LATE);
        executeJob(shop, CALLBACK_LATE);
        assertThat(shop).isWaitingAtExactly(AWAIT_CALLBACK, REMIND_CALLBACK_LATE);
        executeJob(shop, REMIND_CALLBACK_LATE);
        assertThat(stubs.callsOf("remindCallbackLate")).singleElement().satisfies(call -> {
            assertThat(call.activityId()).isEqualTo(REMIND_CALLBACK_LATE);
            assertThat(call.variable(SYSTEM_NAME)).isEqualTo(SHOP.name());
        });
        assertThat(shop).isWaitingAtExactly(AWAIT_CALLBACK).hasPassedInOrder(CALLBACK_LATE, CALLBACK_REMINDED);
        assertThat(timers(shop)).as("the reminder is sent once").containsOnlyKeys(CALLBACK_MISSING);

        // The incident for staff, not a second early; the wait still goes on.
        setClock(new Date(incidentAt.getTime() - 1000));
        assertThat(executableJobs()).as("not a second early").isEmpty();
        setClock(incidentAt);
        assertThat(executableJobs()).extracting(this::activityOf).containsExactly(CALLBACK_MISSING);
        executeJob(shop, CALLBACK_MISSING);
        executeJob(shop, RAISE_CALLBACK_INCIDENT);
        assertThat(stubs.callsOf("raiseCallbackIncident")).singleElement()
                .satisfies(call -> assertThat(call.activityId()).isEqualTo(RAISE_CALLBACK_INCIDENT));
        assertThat(shop).isWaitingAtExactly(AWAIT_CALLBACK).hasPassedInOrder(CALLBACK_MISSING, INCIDENT_RAISED);
        assertThat(timers(shop)).isEmpty();
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(shop.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(SystemFollowUpSteps.CALLBACK_MISSING_INCIDENT);
        assertThat(incident.getActivityId()).isEqualTo(AWAIT_CALLBACK);
        assertThat(incident.getIncidentMessage()).contains(SHOP.name(), SHOP.key(), REFERENCE_NUMBER);
        assertThat(stubs.callsOf("recordSystemResult")).isEmpty();

        // The callback comes: CallbackController -> AnswerCorrelation, by the process instance id.
        runtimeService.createMessageCorrelation(MESSAGE_SYSTEM_ANSWERED).processInstanceId(shop.getId())
                .setVariables(Map.of(OUTCOME, "DONE", RESULT_SUMMARY, "Customer 4711 erased.",
                        COMPLETED_BY, SHOP.name()))
                .correlateWithResult();

        assertThat(shop).isEnded()
                .hasPassedInOrder(RUN_ACTION, ANSWERED, AWAIT_CALLBACK, SYSTEM_ANSWERED, RECORD_SYSTEM_RESULT,
                        SYSTEM_DONE);
        assertThat(endEventsReached(shop)).containsExactly(CALLBACK_REMINDED, INCIDENT_RAISED, SYSTEM_DONE);
        assertThat(recordedResults()).containsExactly(tuple(SHOP.id(), "DONE", "Customer 4711 erased.", SHOP.name()));
        assertThat(managementService.createJobQuery().processInstanceId(shop.getId()).count())
                .as("both timers are gone").isZero();
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(shop.getId()).count()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(shop.getId()).count())
                .as("the incident went with the wait").isZero();

        // A second callback finds nothing waiting: AnswerCorrelation refuses it.
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MESSAGE_SYSTEM_ANSWERED)
                .processInstanceId(shop.getId()).correlateWithResult())
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        requestIsAnsweredAndClosed(request);
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "selectSystemsInScope",
                "prepareSystemTask", "planErasure", "runConnectorAction", "remindCallbackLate",
                "raiseCallbackIncident", "recordSystemResult", "sendResponse", "closeRequest");
    }

    @Test
    void processorIsEmailedRemindedOnACycleEscalatedOnceTheDueDateHasPassedAndDoneWhenItConfirms() {
        route(MAILING_AGENCY, Route.processor(REMINDER_CYCLE));
        ProcessInstance request = requestInFulfilment("DELETION", MAILING_AGENCY);
        ProcessInstance agency = fulfilment(request, MAILING_AGENCY);
        // Escalated once the due date has passed (the start of the next day), like the request itself.
        Date overdueAt = (Date) variable(request, OVERDUE_AT);

        assertThat(agency).hasPassedInOrder(PREPARE_SYSTEM_TASK, ROUTE).isWaitingAtExactly(EMAIL_PROCESSOR)
                .hasNotPassed(ERASURE, FULFIL_TASK);
        assertThat(agency).variables().containsEntry(PROCESSOR_REMINDER_CYCLE, REMINDER_CYCLE);
        executeJob(agency, EMAIL_PROCESSOR);
        assertThat(stubs.callsOf("emailProcessor")).singleElement()
                .satisfies(call -> assertThat(call.activityId()).isEqualTo(EMAIL_PROCESSOR));
        assertThat(agency).isWaitingAtExactly(AWAIT_PROCESSOR);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(agency.getId()).eventType("message")
                .eventName(MESSAGE_SYSTEM_ANSWERED).activityId(AWAIT_PROCESSOR).count()).isOne();
        assertThat(openFulfilmentTasks()).as("nobody in the company has anything to do").isEmpty();

        Map<String, Job> timers = timers(agency);
        assertThat(timers).containsOnlyKeys(PROCESSOR_REMINDER_DUE, PROCESSOR_OVERDUE);
        Instant firstReminder = NOW.plus(REMINDER_INTERVAL);
        assertThat(instant(timers.get(PROCESSOR_REMINDER_DUE).getDuedate())).as("one interval after the email")
                .isEqualTo(firstReminder);
        assertThat(instant(timers.get(PROCESSOR_OVERDUE).getDuedate())).isEqualTo(instant(overdueAt));

        // Each reminder fires on time and schedules the next, one interval later.
        Instant reminderDue = firstReminder;
        for (int reminder = 1; reminder <= 2; reminder++) {
            setClock(Date.from(reminderDue.minusSeconds(1)));
            assertThat(executableJobs()).as("not a second early").isEmpty();
            setClock(Date.from(reminderDue));
            assertThat(executableJobs()).extracting(this::activityOf).containsExactly(PROCESSOR_REMINDER_DUE);
            Job fired = executeJob(agency, PROCESSOR_REMINDER_DUE);

            Job next = timers(agency).get(PROCESSOR_REMINDER_DUE);
            assertThat(next).as("next reminder after reminder %s", reminder).isNotNull();
            assertThat(next.getId()).isNotEqualTo(fired.getId());
            assertThat(instant(next.getDuedate())).isEqualTo(reminderDue.plus(REMINDER_INTERVAL));
            assertThat(agency).isWaitingAtExactly(AWAIT_PROCESSOR, REMIND_PROCESSOR);
            executeJob(agency, REMIND_PROCESSOR);
            assertThat(stubs.callsOf("remindProcessor")).hasSize(reminder);
            assertThat(agency).isWaitingAtExactly(AWAIT_PROCESSOR);
            reminderDue = instant(next.getDuedate());
        }
        assertThat(endEventsReached(agency)).containsExactly(PROCESSOR_REMINDED, PROCESSOR_REMINDED);

        // Once the due date has passed the privacy officers hear of it; the processor is still waited for (and
        // still reminded).
        setClock(new Date(overdueAt.getTime() - 1000));
        assertThat(executableJobs()).extracting(this::activityOf).doesNotContain(PROCESSOR_OVERDUE);
        setClock(overdueAt);
        executeJob(agency, PROCESSOR_OVERDUE);
        executeJob(agency, ESCALATE_PROCESSOR);
        assertThat(stubs.callsOf("escalateProcessor")).singleElement()
                .satisfies(call -> assertThat(call.activityId()).isEqualTo(ESCALATE_PROCESSOR));
        assertThat(agency).isWaitingAtExactly(AWAIT_PROCESSOR).hasPassedInOrder(PROCESSOR_OVERDUE, PROCESSOR_ESCALATED);
        assertThat(timers(agency)).as("the escalation happens once, the reminders go on")
                .containsOnlyKeys(PROCESSOR_REMINDER_DUE);
        assertThat(stubs.callsOf("recordSystemResult")).isEmpty();

        // The processor clicks the confirmation link: ProcessorConfirmation -> AnswerCorrelation.
        runtimeService.createMessageCorrelation(MESSAGE_SYSTEM_ANSWERED).processInstanceId(agency.getId())
                .setVariables(Map.of(OUTCOME, "DONE", RESULT_SUMMARY, "Removed from all mailing lists.",
                        COMPLETED_BY, "privacy@mailing-agency.example"))
                .correlateWithResult();

        assertThat(agency).isEnded()
                .hasPassedInOrder(EMAIL_PROCESSOR, AWAIT_PROCESSOR, SYSTEM_ANSWERED, RECORD_SYSTEM_RESULT, SYSTEM_DONE)
                .hasNotPassed(ERASURE, RUN_ACTION, FULFIL_TASK);
        assertThat(managementService.createJobQuery().processInstanceId(agency.getId()).count())
                .as("the reminder cycle and the overdue timer are gone").isZero();
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(agency.getId()).count()).isZero();
        assertThat(recordedResults()).containsExactly(tuple(MAILING_AGENCY.id(), "DONE",
                "Removed from all mailing lists.", "privacy@mailing-agency.example"));

        requestIsAnsweredAndClosed(request);
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "selectSystemsInScope",
                "prepareSystemTask", "emailProcessor", "remindProcessor", "remindProcessor", "escalateProcessor",
                "recordSystemResult", "sendResponse", "closeRequest");
    }

    @Test
    void confirmationEndsTheWaitAtOnceAndDropsTheRemindersStillQueued() {
        route(MAILING_AGENCY, Route.processor(REMINDER_CYCLE));
        stubs.on("remindProcessor", execution -> {
            throw new IllegalStateException("Outbox unavailable");
        });
        ProcessInstance request = requestInFulfilment("DELETION", MAILING_AGENCY);
        ProcessInstance agency = fulfilment(request, MAILING_AGENCY);
        executeJob(agency, EMAIL_PROCESSOR);
        Date dueDate = (Date) variable(request, DUE_DATE);

        // The reminder fails and waits for its retry; at the due date the escalation is queued, not yet run.
        setClock(Date.from(NOW.plus(REMINDER_INTERVAL)));
        executeJob(agency, PROCESSOR_REMINDER_DUE);
        String reminder = jobAt(agency, REMIND_PROCESSOR).getId();
        assertThatThrownBy(() -> managementService.executeJob(reminder)).hasMessageContaining("Outbox unavailable");
        assertThat(managementService.createJobQuery().jobId(reminder).singleResult()).hasRetries(4);
        setClock(dueDate);
        executeJob(agency, PROCESSOR_OVERDUE);
        assertThat(agency).isWaitingAt(AWAIT_PROCESSOR, REMIND_PROCESSOR, ESCALATE_PROCESSOR);

        // The processor confirms meanwhile: its system is done, nobody chases it any more.
        runtimeService.createMessageCorrelation(MESSAGE_SYSTEM_ANSWERED).processInstanceId(agency.getId())
                .setVariables(Map.of(OUTCOME, "DONE", RESULT_SUMMARY, "Removed from all mailing lists.",
                        COMPLETED_BY, "privacy@mailing-agency.example"))
                .correlateWithResult();

        assertThat(agency).isEnded().hasPassedInOrder(AWAIT_PROCESSOR, RECORD_SYSTEM_RESULT, SYSTEM_DONE)
                .hasNotPassed(PROCESSOR_REMINDED, PROCESSOR_ESCALATED);
        assertThat(managementService.createJobQuery().processInstanceId(agency.getId()).count())
                .as("the queued reminder and escalation are dropped").isZero();
        assertThat(stubs.callsOf("remindProcessor")).as("only the failed attempt").hasSize(1);
        assertThat(stubs.callsOf("escalateProcessor")).isEmpty();
        requestIsAnsweredAndClosed(request);
    }

    @Test
    void callbackEndsTheWaitEvenWhenTheReminderToTheOwnersHasFailedIntoAnIncident() {
        route(SHOP, Route.automated("ACCESS", true));
        connectorAcceptsAndCallsBackLater();
        stubs.on("remindCallbackLate", execution -> {
            throw new IllegalStateException("Outbox unavailable");
        });
        ProcessInstance request = requestInFulfilment("ACCESS", SHOP);
        ProcessInstance shop = fulfilment(request, SHOP);
        executeJob(shop, RUN_ACTION);

        setClock(Date.from(CALLBACK_REMIND_AT_TIME));
        executeJob(shop, CALLBACK_LATE);
        String reminder = jobAt(shop, REMIND_CALLBACK_LATE).getId();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(reminder))
                    .hasMessageContaining("Outbox unavailable");
        }
        Incident failed = runtimeService.createIncidentQuery().processInstanceId(shop.getId()).singleResult();
        assertThat(failed.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(failed.getActivityId()).isEqualTo(REMIND_CALLBACK_LATE);

        // The system calls back: the answer is recorded and the request is not held up by the failed reminder.
        runtimeService.createMessageCorrelation(MESSAGE_SYSTEM_ANSWERED).processInstanceId(shop.getId())
                .setVariables(Map.of(OUTCOME, "DONE", RESULT_SUMMARY, "Export ready.", COMPLETED_BY, SHOP.name()))
                .correlateWithResult();

        assertThat(shop).isEnded().hasPassedInOrder(AWAIT_CALLBACK, RECORD_SYSTEM_RESULT, SYSTEM_DONE)
                .hasNotPassed(CALLBACK_REMINDED);
        assertThat(recordedResults()).containsExactly(tuple(SHOP.id(), "DONE", "Export ready.", SHOP.name()));
        assertThat(runtimeService.createIncidentQuery().count()).as("nothing left for an operator").isZero();
        requestIsAnsweredAndClosed(request);
    }

    @Test
    void missingCallbackIncidentsOfTwoRequestsToTheSameSystemAreClearedEachOnItsOwn() {
        route(SHOP, Route.automated("ACCESS", true));
        connectorAcceptsAndCallsBackLater();
        raiseCallbackIncidentsForReal();
        ProcessInstance first = requestInFulfilment("ACCESS", SHOP);
        ProcessInstance second = requestInFulfilment("ACCESS", SHOP);
        ProcessInstance firstShop = fulfilment(first, SHOP);
        ProcessInstance secondShop = fulfilment(second, SHOP);
        executeJob(firstShop, RUN_ACTION);
        executeJob(secondShop, RUN_ACTION);

        setClock(Date.from(CALLBACK_INCIDENT_AT_TIME));
        executeDueJobs();
        assertThat(stubs.callsOf("raiseCallbackIncident")).hasSize(2);
        assertThat(openCallbackIncidents()).containsExactlyInAnyOrder(firstShop.getId(), secondShop.getId());

        // Staff clear the first request's incident (Incidents.retry): the second one stays.
        String firstIncident = runtimeService.createIncidentQuery().processInstanceId(firstShop.getId())
                .singleResult().getId();
        runtimeService.resolveIncident(firstIncident);
        assertThat(openCallbackIncidents()).containsExactly(secondShop.getId());
        assertThat(firstShop).isWaitingAtExactly(AWAIT_CALLBACK);

        // The shop calls back for the first request only: the second request's incident stays open.
        runtimeService.createMessageCorrelation(MESSAGE_SYSTEM_ANSWERED).processInstanceId(firstShop.getId())
                .setVariables(Map.of(OUTCOME, "DONE", RESULT_SUMMARY, "Export ready.", COMPLETED_BY, SHOP.name()))
                .correlateWithResult();
        assertThat(firstShop).isEnded();
        assertThat(secondShop).isWaitingAtExactly(AWAIT_CALLBACK);
        assertThat(openCallbackIncidents()).containsExactly(secondShop.getId());

        // Its own callback clears it.
        runtimeService.createMessageCorrelation(MESSAGE_SYSTEM_ANSWERED).processInstanceId(secondShop.getId())
                .setVariables(Map.of(OUTCOME, "DONE", RESULT_SUMMARY, "Export ready.", COMPLETED_BY, SHOP.name()))
                .correlateWithResult();
        assertThat(secondShop).isEnded();
        assertThat(openCallbackIncidents()).isEmpty();
    }

    @Test
    void requestWithSystemsOnAllThreeRoutesClosesOnlyWhenEveryOneIsDone() {
        route(SHOP, Route.automated("ERASE", true));
        route(MAILING_AGENCY, Route.processor(REMINDER_CYCLE));
        // the newsletter tool stays manual
        connectorAnswersAtOnce("DONE", "Deleted 1 customer.");
        ProcessInstance request = requestInFulfilment("DELETION", SHOP, NEWSLETTER, MAILING_AGENCY);

        Map<Long, ProcessInstance> called = calledInstances(request);
        assertThat(called).containsOnlyKeys(SHOP.id(), NEWSLETTER.id(), MAILING_AGENCY.id());
        ProcessInstance shop = called.get(SHOP.id());
        ProcessInstance newsletter = called.get(NEWSLETTER.id());
        ProcessInstance agency = called.get(MAILING_AGENCY.id());
        assertThat(shop).isWaitingAtExactly(PLAN_ERASURE);
        assertThat(newsletter).isWaitingAtExactly(FULFIL_TASK);
        assertThat(agency).isWaitingAtExactly(EMAIL_PROCESSOR);
        assertThat(openFulfilmentTasks()).extracting(Task::getName).containsExactly(NEWSLETTER.taskName());

        // The connector is done first.
        executeJob(shop, PLAN_ERASURE);
        executeJob(shop, RUN_ACTION);
        assertThat(shop).isEnded();
        // (a finished instance of a parallel multi-instance stays as an inactive execution until all are done)
        assertThat(request).as("the newsletter and the agency are not done").isWaitingAt(FULFIL_IN_SYSTEMS);
        assertThat(calledInstances(request)).containsOnlyKeys(NEWSLETTER.id(), MAILING_AGENCY.id());

        // The processor is written to; the newsletter's owner reports.
        executeJob(agency, EMAIL_PROCESSOR);
        complete(taskFor(NEWSLETTER), withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "Unsubscribed and deleted.",
                COMPLETED_BY, "kim"));
        executeJob(newsletter, FULFIL_TASK);
        assertThat(newsletter).isEnded();
        assertThat(agency).isWaitingAtExactly(AWAIT_PROCESSOR);
        assertThat(request).as("the agency has not confirmed").isWaitingAt(FULFIL_IN_SYSTEMS);
        assertThat(calledInstances(request)).containsOnlyKeys(MAILING_AGENCY.id());
        assertThat(stubs.callsOf("sendResponse")).isEmpty();

        // The processor confirms last: only now is the request answered.
        runtimeService.createMessageCorrelation(MESSAGE_SYSTEM_ANSWERED).processInstanceId(agency.getId())
                .setVariables(Map.of(OUTCOME, "NO_DATA_FOUND", RESULT_SUMMARY, "Not on any list.",
                        COMPLETED_BY, "privacy@mailing-agency.example"))
                .correlateWithResult();
        assertThat(agency).isEnded();

        assertThat(recordedResults()).containsExactly(
                tuple(SHOP.id(), "DONE", "Deleted 1 customer.", CONNECTOR),
                tuple(NEWSLETTER.id(), "DONE", "Unsubscribed and deleted.", "kim"),
                tuple(MAILING_AGENCY.id(), "NO_DATA_FOUND", "Not on any list.", "privacy@mailing-agency.example"));
        requestIsAnsweredAndClosed(request);

        List<HistoricProcessInstance> fulfilments = historyService.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(request.getId()).list();
        assertThat(fulfilments).hasSize(3).allSatisfy(fulfilment -> {
            assertThat(fulfilment.getBusinessKey()).isEqualTo(REFERENCE_NUMBER);
            assertThat(fulfilment.getEndActivityId()).isEqualTo(SYSTEM_DONE);
        });
        assertThat(stubs.callsOf("prepareSystemTask")).extracting(call -> call.variable(SYSTEM_ID))
                .containsExactlyInAnyOrder(SHOP.id(), NEWSLETTER.id(), MAILING_AGENCY.id());
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "selectSystemsInScope",
                "prepareSystemTask", "prepareSystemTask", "prepareSystemTask", // all three in the selecting job
                "planErasure", "runConnectorAction", "recordSystemResult", // the shop
                "emailProcessor", "recordSystemResult", // the agency written to, the newsletter's owner reported
                "recordSystemResult", "sendResponse", "closeRequest"); // the agency confirmed
    }

    /** A request of this type that needs no identity check, past the system selection, these systems in scope. */
    private ProcessInstance requestInFulfilment(String requestType, ConnectedSystem... systems) {
        inScope(systems);
        ProcessInstance request = startRequest(false, requestType);
        executeJob(request, ACKNOWLEDGE);
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS);
        assertThat(calledInstances(request)).hasSize(systems.length);
        return request;
    }

    /** The connector answers in the same call (no callback), as RunConnectorAction sets it. */
    private void connectorAnswersAtOnce(String outcome, String summary) {
        stubs.on("runConnectorAction", execution -> {
            execution.setVariable(AWAITING_CALLBACK, false);
            execution.setVariable(OUTCOME, outcome);
            execution.setVariable(RESULT_SUMMARY, summary);
            execution.setVariable(COMPLETED_BY, CONNECTOR);
        });
    }

    /** The connector accepts the action (202) and will call back; RunConnectorAction sets the two timer dates. */
    private void connectorAcceptsAndCallsBackLater() {
        stubs.on("runConnectorAction", execution -> {
            execution.setVariable(AWAITING_CALLBACK, true);
            execution.setVariable(CALLBACK_REMIND_AT, Date.from(CALLBACK_REMIND_AT_TIME));
            execution.setVariable(CALLBACK_INCIDENT_AT, Date.from(CALLBACK_INCIDENT_AT_TIME));
        });
    }

    /**
     * The raiseCallbackIncident mock (still journaled) does what the production delegate does, with this engine's
     * runtime service: the incident, where it sits and what it is configured with are what staff see and clear.
     */
    private void raiseCallbackIncidentsForReal() {
        stubs.on("raiseCallbackIncident",
                new SystemFollowUpSteps().raiseCallbackIncident(runtimeService, mock(Timeline.class)));
    }

    /** The fulfil-in-system instances with an open missing-callback incident on their wait. */
    private List<String> openCallbackIncidents() {
        return runtimeService.createIncidentQuery().incidentType(SystemFollowUpSteps.CALLBACK_MISSING_INCIDENT)
                .activityId(AWAIT_CALLBACK).list().stream().map(Incident::getProcessInstanceId).toList();
    }

    /** What recordSystemResult saw, per call: system, outcome, summary, completed by. */
    private List<Tuple> recordedResults() {
        return stubs.callsOf("recordSystemResult").stream()
                .map(call -> tuple(call.variable(SYSTEM_ID), call.variable(OUTCOME), call.variable(RESULT_SUMMARY),
                        call.variable(COMPLETED_BY)))
                .toList();
    }

    /** Every system is done: the request sends its response and closes, leaving nothing behind. */
    private void requestIsAnsweredAndClosed(ProcessInstance request) {
        assertThat(calledInstances(request)).isEmpty();
        countInFinishedSystems(request);
        if (hasJobAt(request, ProcessModel.Activities.ASSEMBLE_PACKAGE)) {
            // An access request's package is assembled before the answer goes out.
            executeJob(request, ProcessModel.Activities.ASSEMBLE_PACKAGE);
        }
        assertThat(request).isWaitingAtExactly(SEND_RESPONSE);
        assertThat(stubs.callsOf("sendResponse")).isEmpty();
        executeJob(request, SEND_RESPONSE);
        assertThat(request).isEnded().hasPassedInOrder(FULFIL_IN_SYSTEMS, SEND_RESPONSE, CLOSE_REQUEST, REQUEST_CLOSED);
        assertThat(endEventsReached(request)).containsExactly(CARRIED_OUT, REQUEST_CLOSED);
        assertThat(managementService.createJobQuery().count()).as("nothing left behind").isZero();
        assertThat(runtimeService.createIncidentQuery().count()).as("no open incident").isZero();
    }
}
