package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rightsflow.workflow.ProcessModel.Activities.CARRIED_OUT;
import static org.rightsflow.workflow.ProcessModel.Activities.ACKNOWLEDGE;
import static org.rightsflow.workflow.ProcessModel.Activities.AWAIT_VERIFICATION;
import static org.rightsflow.workflow.ProcessModel.Activities.CLOSED_UNVERIFIABLE;
import static org.rightsflow.workflow.ProcessModel.Activities.CLOSE_REQUEST;
import static org.rightsflow.workflow.ProcessModel.Activities.CLOSE_UNVERIFIABLE;
import static org.rightsflow.workflow.ProcessModel.Activities.ESCALATE_OVERDUE;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_IN_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_TASK;
import static org.rightsflow.workflow.ProcessModel.Activities.IDENTITY_VERIFIED;
import static org.rightsflow.workflow.ProcessModel.Activities.PREPARE_SYSTEM_TASK;
import static org.rightsflow.workflow.ProcessModel.Activities.RECORD_SYSTEM_RESULT;
import static org.rightsflow.workflow.ProcessModel.Activities.RECORD_VERIFICATION;
import static org.rightsflow.workflow.ProcessModel.Activities.REQUEST_CLOSED;
import static org.rightsflow.workflow.ProcessModel.Activities.SELECT_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_REMINDER;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_RESPONSE;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_VERIFICATION_LINK;
import static org.rightsflow.workflow.ProcessModel.Activities.VERIFICATION_EXPIRED;
import static org.rightsflow.workflow.ProcessModel.Activities.VERIFICATION_NEEDED;
import static org.rightsflow.workflow.ProcessModel.MESSAGE_IDENTITY_VERIFIED;
import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.REFERENCE;
import static org.rightsflow.workflow.ProcessModel.Variables.REGIME;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_IDS;
import static org.rightsflow.workflow.ProcessModel.Variables.VERIFICATION_EXPIRES_AT;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.rightsflow.workflow.DelegateStubs.Call;

/** The journeys of one request through data-subject-request and its called fulfil-in-system instances. */
@Deployment(resources = {"bpmn/data-subject-request.bpmn", "bpmn/fulfil-in-system.bpmn"})
class DataSubjectRequestProcessTest extends ProcessTestSupport {

    @Test
    void verifiedRequestIsCarriedToEverySystemInScopeThenAnsweredAndClosed() {
        ProcessInstance request = startRequest(true);

        // Submitting only stores the request: the first step is asynchronous.
        assertThat(request).isStarted().hasBusinessKey(REFERENCE_NUMBER).isWaitingAt(ACKNOWLEDGE);
        assertThat(stubs.calls()).as("nothing runs in the submitting transaction").isEmpty();

        // The verification link goes out in the acknowledgement's job: both only write to the outbox.
        executeJob(request, ACKNOWLEDGE);
        assertThat(request).hasPassed(ACKNOWLEDGE, VERIFICATION_NEEDED, SEND_VERIFICATION_LINK);

        assertThat(request).isWaitingAt(AWAIT_VERIFICATION);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(request.getId())
                .eventType("message").eventName(MESSAGE_IDENTITY_VERIFIED).count()).isOne();
        Job expiry = timers(request).get(VERIFICATION_EXPIRED);
        assertThat(instant(expiry.getDuedate())).isEqualTo(instant(variable(request, VERIFICATION_EXPIRES_AT)));

        // The subject clicks the link: the verification module correlates by the request's reference.
        runtimeService.createMessageCorrelation(MESSAGE_IDENTITY_VERIFIED)
                .processInstanceBusinessKey(REFERENCE_NUMBER).correlateWithResult();
        assertThat(stubs.beansRun()).as("verification is recorded in the confirming transaction")
                .endsWith("recordVerification");
        assertThat(request).hasPassed(IDENTITY_VERIFIED, RECORD_VERIFICATION).hasNotPassed(VERIFICATION_EXPIRED);
        assertThat(timers(request)).as("the expiry timer is gone once the subject confirmed").isEmpty();

        // asyncAfter: the systems are selected and the fan-out started in that one job.
        executeJob(request, RECORD_VERIFICATION);

        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS).variables()
                .containsEntry(SYSTEM_IDS, List.of(SHOP.id(), NEWSLETTER.id()));

        Map<Long, ProcessInstance> called = calledInstances(request);
        assertThat(called).containsOnlyKeys(SHOP.id(), NEWSLETTER.id());
        Date dueDate = (Date) variable(request, DUE_DATE);
        for (ConnectedSystem system : List.of(SHOP, NEWSLETTER)) {
            ProcessInstance fulfilment = called.get(system.id());
            assertThat(fulfilment).hasProcessDefinitionKey(ProcessModel.FULFIL_IN_SYSTEM)
                    .hasBusinessKey(REFERENCE_NUMBER).hasPassed(PREPARE_SYSTEM_TASK).isWaitingAt(FULFIL_TASK);
            assertThat(fulfilment).variables().contains(entry(REFERENCE, REFERENCE_NUMBER),
                    entry(REQUEST_TYPE, "ACCESS"), entry(REGIME, "GDPR"), entry(SYSTEM_ID, system.id()));
            Task task = taskFor(system);
            assertThat(task).hasName(system.taskName()).hasCandidateGroup(system.ownerGroup())
                    .hasDescription(system.instructions()).isNotAssigned();
            assertThat(instant(task.getDueDate())).isEqualTo(instant(dueDate));
        }

        // The shop's owner reports first; the asynchronous continuation records the result.
        complete(taskFor(SHOP), withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "Exported 3 orders.",
                COMPLETED_BY, "sam"));
        assertThat(stubs.callsOf("recordSystemResult")).as("recorded after the task commits").isEmpty();
        executeJob(called.get(SHOP.id()), FULFIL_TASK);
        assertThat(called.get(SHOP.id())).isEnded().hasPassedInOrder(FULFIL_TASK, RECORD_SYSTEM_RESULT, "system-done");
        assertThat(request).as("still waiting for the newsletter tool").isWaitingAt(FULFIL_IN_SYSTEMS);
        assertThat(stubs.callsOf("sendResponse")).isEmpty();

        complete(taskFor(NEWSLETTER), withVariables(OUTCOME, "NO_DATA_FOUND", RESULT_SUMMARY, "Not subscribed.",
                COMPLETED_BY, "kim"));
        executeJob(called.get(NEWSLETTER.id()), FULFIL_TASK);
        assertThat(called.get(NEWSLETTER.id())).isEnded();
        countInFinishedSystems(request);

        // An access request is answered with a package, assembled once every system has answered.
        assertThat(request).isWaitingAt(ProcessModel.Activities.ASSEMBLE_PACKAGE)
                .hasPassed(ProcessModel.Activities.PACKAGE_NEEDED, ProcessModel.Activities.PACKAGE_REVIEW_NEEDED)
                .hasNotPassed(ProcessModel.Activities.REVIEW_PACKAGE);
        executeJob(request, ProcessModel.Activities.ASSEMBLE_PACKAGE);
        assertThat(request).isWaitingAt(SEND_RESPONSE);
        executeJob(request, SEND_RESPONSE);

        assertThat(request).isEnded()
                .hasPassedInOrder("request-submitted", ACKNOWLEDGE, VERIFICATION_NEEDED, SEND_VERIFICATION_LINK,
                        AWAIT_VERIFICATION, IDENTITY_VERIFIED, RECORD_VERIFICATION, SELECT_SYSTEMS, FULFIL_IN_SYSTEMS,
                        ProcessModel.Activities.ASSEMBLE_PACKAGE, SEND_RESPONSE, CLOSE_REQUEST, REQUEST_CLOSED)
                .hasNotPassed(VERIFICATION_EXPIRED, CLOSE_UNVERIFIABLE, SEND_REMINDER, ESCALATE_OVERDUE);
        assertThat(endEventsReached(request)).containsExactly(CARRIED_OUT, REQUEST_CLOSED);
        assertThat(managementService.createJobQuery().count()).as("nothing left behind").isZero();

        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "sendVerificationLink",
                "recordVerification", "selectSystemsInScope", "prepareSystemTask", "prepareSystemTask",
                "recordSystemResult", "recordSystemResult", "assemblePackage", "sendResponse", "closeRequest");
        assertThat(stubs.calls()).extracting(Call::businessKey).as("every delegate knows the request")
                .containsOnly(REFERENCE_NUMBER);
        assertThat(stubs.callsOf("prepareSystemTask"))
                .extracting(Call::processDefinitionKey, call -> call.variable(SYSTEM_ID))
                .containsExactlyInAnyOrder(
                        tuple(ProcessModel.FULFIL_IN_SYSTEM, SHOP.id()),
                        tuple(ProcessModel.FULFIL_IN_SYSTEM, NEWSLETTER.id()));
        assertThat(stubs.callsOf("recordSystemResult"))
                .extracting(call -> call.variable(SYSTEM_ID), call -> call.variable(OUTCOME),
                        call -> call.variable(RESULT_SUMMARY), call -> call.variable(COMPLETED_BY))
                .containsExactly(
                        tuple(SHOP.id(), "DONE", "Exported 3 orders.", "sam"),
                        tuple(NEWSLETTER.id(), "NO_DATA_FOUND", "Not subscribed.", "kim"));

        List<HistoricProcessInstance> fulfilments = historyService.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(request.getId()).list();
        assertThat(fulfilments).hasSize(2).allSatisfy(fulfilment -> {
            assertThat(fulfilment.getBusinessKey()).isEqualTo(REFERENCE_NUMBER);
            assertThat(fulfilment.getEndActivityId()).isEqualTo("system-done");
        });
    }

    @Test
    void unconfirmedVerificationLinkExpiresAndClosesTheRequestAsUnverifiable() {
        ProcessInstance request = startRequest(true);
        executeJob(request, ACKNOWLEDGE);
        assertThat(request).isWaitingAt(AWAIT_VERIFICATION);

        Date expiresAt = (Date) variable(request, VERIFICATION_EXPIRES_AT);
        assertThat(timers(request)).containsOnlyKeys(VERIFICATION_EXPIRED);
        assertThat(instant(timers(request).get(VERIFICATION_EXPIRED).getDuedate())).isEqualTo(instant(expiresAt));

        setClock(new Date(expiresAt.getTime() - 1000));
        assertThat(executableJobs()).as("not a second early").isEmpty();

        setClock(expiresAt);
        assertThat(executableJobs()).extracting(this::activityOf).containsExactly(VERIFICATION_EXPIRED);
        executeJob(request, VERIFICATION_EXPIRED);
        assertThat(request).isWaitingAt(CLOSE_UNVERIFIABLE);
        executeJob(request, CLOSE_UNVERIFIABLE);

        assertThat(request).isEnded()
                .hasPassedInOrder(SEND_VERIFICATION_LINK, AWAIT_VERIFICATION, VERIFICATION_EXPIRED, CLOSE_UNVERIFIABLE,
                        CLOSED_UNVERIFIABLE)
                .hasNotPassed(IDENTITY_VERIFIED, RECORD_VERIFICATION, SELECT_SYSTEMS, SEND_RESPONSE, CLOSE_REQUEST,
                        REQUEST_CLOSED);
        assertThat(endEventsReached(request)).containsExactly(CLOSED_UNVERIFIABLE);
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "sendVerificationLink", "closeUnverifiable");
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(request.getId()).count())
                .as("no system was touched").isZero();

        // A confirmation arriving after the expiry finds no waiting process: VerificationCorrelation refuses it.
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MESSAGE_IDENTITY_VERIFIED)
                .processInstanceBusinessKey(REFERENCE_NUMBER).correlateWithResult())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void optOutNeedsNoVerificationAndGoesStraightToTheSystems() {
        ProcessInstance request = startRequest(false, "OPT_OUT");
        executeJob(request, ACKNOWLEDGE);

        assertThat(request).hasPassed(ACKNOWLEDGE, VERIFICATION_NEEDED, "ready-to-fulfil", SELECT_SYSTEMS)
                .hasNotPassed(SEND_VERIFICATION_LINK, AWAIT_VERIFICATION, RECORD_VERIFICATION);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(request.getId()).count())
                .as("nobody waits for a confirmation").isZero();
        assertThat(timers(request)).doesNotContainKey(VERIFICATION_EXPIRED);

        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS);
        assertThat(openFulfilmentTasks()).extracting(Task::getName)
                .containsExactlyInAnyOrder(SHOP.taskName(), NEWSLETTER.taskName());

        for (Task task : openFulfilmentTasks()) {
            complete(task, withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "", COMPLETED_BY, "sam"));
        }
        assertThat(executeDueJobs()).containsExactlyInAnyOrder(FULFIL_TASK, FULFIL_TASK, FULFIL_IN_SYSTEMS,
                FULFIL_IN_SYSTEMS, SEND_RESPONSE).endsWith(SEND_RESPONSE);

        assertThat(request).isEnded().hasPassedInOrder(ACKNOWLEDGE, SELECT_SYSTEMS, FULFIL_IN_SYSTEMS, SEND_RESPONSE,
                CLOSE_REQUEST, REQUEST_CLOSED);
        assertThat(endEventsReached(request)).containsExactly(CARRIED_OUT, REQUEST_CLOSED);
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "selectSystemsInScope",
                "prepareSystemTask", "prepareSystemTask", "recordSystemResult", "recordSystemResult", "sendResponse",
                "closeRequest");
    }

    @Test
    void aCorrectionClaimIsReviewedByAPrivacyOfficerBeforeAnySystemIsSelectedAndTheRemindersCoverTheReview() {
        ProcessInstance request = startRequest(true, "CORRECTION");
        executeJob(request, ACKNOWLEDGE);
        runtimeService.createMessageCorrelation(MESSAGE_IDENTITY_VERIFIED)
                .processInstanceBusinessKey(REFERENCE_NUMBER).correlateWithResult();
        executeJob(request, RECORD_VERIFICATION);

        assertThat(request).isWaitingAt(ProcessModel.Activities.REVIEW_CORRECTION)
                .hasPassed(ProcessModel.Activities.CORRECTION_CLAIMED).hasNotPassed(SELECT_SYSTEMS);
        Task review = taskService.createTaskQuery().processInstanceId(request.getId()).singleResult();
        assertThat(review).hasName("Review the correction claim")
                .hasCandidateGroup(ProcessModel.PRIVACY_OFFICERS_GROUP).isNotAssigned();
        assertThat(instant(review.getDueDate())).isEqualTo(instant(variable(request, DUE_DATE)));
        assertThat(timers(request)).as("a review left lying is reminded and escalated like any task")
                .containsOnlyKeys(ProcessModel.Activities.RUNG_DUE);

        complete(review);
        assertThat(executeDueJobs()).containsExactly(ProcessModel.Activities.REVIEW_CORRECTION);
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS)
                .hasPassedInOrder(ProcessModel.Activities.REVIEW_CORRECTION, ProcessModel.Activities.CLAIM_SETTLED,
                        SELECT_SYSTEMS);
    }

    @Test
    void anAccessPackageIsReviewedByAPrivacyOfficerBeforeItIsAssembledWhereTheRegimeAsksForIt() {
        stubs.reviewPackages(true);
        inScope(SHOP);
        ProcessInstance request = startRequest(false);
        executeJob(request, ACKNOWLEDGE);
        complete(taskFor(SHOP), withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "", COMPLETED_BY, "sam"));
        executeJob(calledInstances(request).get(SHOP.id()), FULFIL_TASK);
        countInFinishedSystems(request);

        assertThat(request).isWaitingAt(ProcessModel.Activities.REVIEW_PACKAGE);
        Task review = taskService.createTaskQuery().processInstanceId(request.getId()).singleResult();
        assertThat(review).hasName("Review the access package")
                .hasCandidateGroup(ProcessModel.PRIVACY_OFFICERS_GROUP);
        assertThat(instant(review.getDueDate())).isEqualTo(instant(variable(request, DUE_DATE)));
        assertThat(stubs.callsOf("assemblePackage")).as("nothing is assembled before the release").isEmpty();

        complete(review, withVariables(ProcessModel.Variables.PACKAGE_REVIEWED_BY, "dpo"));
        assertThat(executeDueJobs()).containsExactly(ProcessModel.Activities.REVIEW_PACKAGE,
                ProcessModel.Activities.ASSEMBLE_PACKAGE, SEND_RESPONSE);
        assertThat(stubs.callsOf("assemblePackage")).singleElement()
                .satisfies(call -> assertThat(call.variable(ProcessModel.Variables.PACKAGE_REVIEWED_BY)).isEqualTo("dpo"));
        assertThat(request).isEnded().hasPassedInOrder(ProcessModel.Activities.REVIEW_PACKAGE,
                ProcessModel.Activities.PACKAGE_REVIEWED, ProcessModel.Activities.ASSEMBLE_PACKAGE, SEND_RESPONSE);
    }

    @Test
    void requestWithNoSystemInScopeIsAnsweredAndClosedAtOnce() {
        stubs.on("selectSystemsInScope", execution -> execution.setVariable(SYSTEM_IDS, new ArrayList<Long>()));
        ProcessInstance request = startRequest(false, "OPT_OUT");
        executeJob(request, ACKNOWLEDGE);

        assertThat(request).isWaitingAt(SEND_RESPONSE);
        assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(request.getId()).count()).isZero();
        assertThat(openFulfilmentTasks()).isEmpty();
        assertThat(timers(request)).as("no reminders for work that does not exist").isEmpty();

        executeJob(request, SEND_RESPONSE);
        assertThat(request).isEnded().hasPassedInOrder(SELECT_SYSTEMS, SEND_RESPONSE, CLOSE_REQUEST, REQUEST_CLOSED);
        assertThat(endEventsReached(request)).containsExactly(CARRIED_OUT, REQUEST_CLOSED);
        assertThat(stubs.beansRun()).containsExactly("acknowledgeRequest", "selectSystemsInScope", "sendResponse",
                "closeRequest");
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(request.getId()).count())
                .isZero();
    }
}
