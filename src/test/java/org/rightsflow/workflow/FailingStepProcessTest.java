package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rightsflow.workflow.ProcessModel.Activities.ACKNOWLEDGE;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_IN_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_TASK;
import static org.rightsflow.workflow.ProcessModel.Activities.RECORD_SYSTEM_RESULT;
import static org.rightsflow.workflow.ProcessModel.Activities.SELECT_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_VERIFICATION_LINK;
import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.REFERENCE;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A step that talks to the outside fails: the failure becomes a retry with the model's retry cycle, then an
 * incident for an operator, and the request waits where it was until someone fixes the cause. Never lost.
 */
@Deployment(resources = {"bpmn/data-subject-request.bpmn", "bpmn/fulfil-in-system.bpmn"})
class FailingStepProcessTest extends ProcessTestSupport {

    /** A fixed clock, so that the retry due dates the retry cycle computes can be checked to the second. */
    private static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

    @BeforeEach
    void fixTheClock() {
        setClock(Date.from(NOW));
        due = NOW.atZone(ZoneOffset.UTC).toLocalDate().plusDays(30);
    }

    @Test
    void failingAcknowledgementIsRetriedFiveTimesThenRaisesAnIncidentAndTheRequestWaits() {
        stubs.on("acknowledgeRequest", execution -> {
            throw new IllegalStateException("Outbox unavailable");
        });
        ProcessInstance request = startRequest(true);
        String jobId = jobAt(request, ACKNOWLEDGE).getId();

        // First failure: the retry cycle R5/PT1M applies.
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("Outbox unavailable");
        Job job = managementService.createJobQuery().jobId(jobId).singleResult();
        assertThat(job).hasRetries(4).hasExceptionMessage();
        assertThat(job.getExceptionMessage()).contains("Outbox unavailable");
        assertThat(instant(job.getDuedate())).as("retried a minute later").isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(managementService.getJobExceptionStacktrace(jobId)).contains("Outbox unavailable");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
        assertThat(request).isNotEnded().isWaitingAt(ACKNOWLEDGE);

        // The job executor would try again every minute; here each retry is executed directly.
        int attempts = 1;
        while (managementService.createJobQuery().jobId(jobId).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("Outbox unavailable");
            attempts++;
        }
        assertThat(attempts).isEqualTo(5);
        assertThat(stubs.callsOf("acknowledgeRequest")).hasSize(5);

        Incident incident = runtimeService.createIncidentQuery().processInstanceId(request.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(ACKNOWLEDGE);
        assertThat(incident.getConfiguration()).isEqualTo(jobId);
        assertThat(incident.getIncidentMessage()).contains("Outbox unavailable");
        assertThat(executableJobs()).as("the job executor leaves it alone").isEmpty();

        // The request is kept, with everything it knew, where it failed.
        assertThat(request).isNotEnded().isWaitingAt(ACKNOWLEDGE).hasNotPassed(ACKNOWLEDGE);
        assertThat(request).variables().containsEntry(REFERENCE, REFERENCE_NUMBER);
        assertThat(stubs.callsOf("sendVerificationLink")).isEmpty();

        // The operator fixes the cause and gives the job another retry: the request carries on.
        stubs.doNothing("acknowledgeRequest");
        managementService.setJobRetries(jobId, 1);
        managementService.executeJob(jobId);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
        assertThat(request).hasPassed(ACKNOWLEDGE, SEND_VERIFICATION_LINK).isWaitingAt(
                ProcessModel.Activities.AWAIT_VERIFICATION);
        assertThat(stubs.callsOf("acknowledgeRequest")).hasSize(6);
    }

    @Test
    void failingResultRecordingKeepsTheCompletedTaskAsARetryableJob() {
        stubs.on("recordSystemResult", execution -> {
            throw new IllegalStateException("Database busy");
        });
        ProcessInstance request = startRequest(false);
        executeJob(request, ACKNOWLEDGE);
        ProcessInstance shop = calledInstances(request).get(SHOP.id());

        complete(taskFor(SHOP), withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "Erased.", COMPLETED_BY, "sam"));
        String jobId = jobAt(shop, FULFIL_TASK).getId();
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("Database busy");

        // The owner's work is not undone: the task stays completed, the result waits in a job (R5/PT30S).
        assertThat(taskFor(SHOP)).isNull();
        Job job = managementService.createJobQuery().jobId(jobId).singleResult();
        assertThat(job).hasRetries(4);
        assertThat(instant(job.getDuedate())).isEqualTo(NOW.plus(Duration.ofSeconds(30)));
        assertThat(shop).isNotEnded().isWaitingAt(FULFIL_TASK).hasNotPassed(RECORD_SYSTEM_RESULT);
        assertThat(shop).variables().containsEntry(OUTCOME, "DONE").containsEntry(COMPLETED_BY, "sam");
        assertThat(request).isWaitingAt(FULFIL_IN_SYSTEMS);

        // Thirty seconds later the job executor tries again; this time the database answers.
        stubs.doNothing("recordSystemResult");
        setClock(Date.from(NOW.plus(Duration.ofSeconds(30))));
        assertThat(executableJobs()).extracting(Job::getId).containsExactly(jobId);
        managementService.executeJob(jobId);
        assertThat(shop).isEnded().hasPassed(RECORD_SYSTEM_RESULT);
        assertThat(stubs.callsOf("recordSystemResult")).hasSize(2).allSatisfy(call -> {
            assertThat(call.variable(OUTCOME)).isEqualTo("DONE");
            assertThat(call.variable(RESULT_SUMMARY)).isEqualTo("Erased.");
        });
    }
}
