package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.rightsflow.workflow.ProcessModel.Activities.ACKNOWLEDGE;
import static org.rightsflow.workflow.ProcessModel.Activities.ASSEMBLE_PACKAGE;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_IN_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Activities.FULFIL_TASK;
import static org.rightsflow.workflow.ProcessModel.Activities.SEND_RESPONSE;
import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/**
 * Two systems of one request finish at the same moment, in two transactions (two job-executor threads, or a
 * processor's confirmation beside a connector job). Neither may lose: a loser would fail and wait for its retry (a
 * minute for a connector step, after calling the system a second time). Each system's instance therefore ends
 * without touching the request's shared fan-out state, which jobs of the request count in one at a time.
 */
@Deployment(resources = {"bpmn/data-subject-request.bpmn", "bpmn/fulfil-in-system.bpmn"})
class FanOutCompletionProcessTest extends ProcessTestSupport {

    @Test
    void twoSystemsFinishingInTwoConcurrentTransactionsBothCommitAndTheRequestMovesOn() throws Exception {
        ProcessInstance request = startRequest(false);
        executeJob(request, ACKNOWLEDGE); // selects the systems and starts the fan-out
        Map<Long, ProcessInstance> called = calledInstances(request);
        assertThat(called).containsOnlyKeys(SHOP.id(), NEWSLETTER.id());
        complete(taskFor(SHOP), withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "", COMPLETED_BY, "sam"));
        complete(taskFor(NEWSLETTER), withVariables(OUTCOME, "DONE", RESULT_SUMMARY, "", COMPLETED_BY, "kim"));

        // Both transactions are open at once: each waits inside its own step for the other to arrive.
        CyclicBarrier bothInFlight = new CyclicBarrier(2);
        stubs.on("recordSystemResult", execution -> bothInFlight.await(30, TimeUnit.SECONDS));
        // The stubbed delegates are registered per thread (Camunda's Mocks): each thread gets the same ones.
        Map<String, Object> delegates = Mocks.getMocks();
        List<CompletableFuture<Void>> finishing = List.of(SHOP, NEWSLETTER).stream()
                .map(system -> jobAt(called.get(system.id()), FULFIL_TASK).getId())
                .map(jobId -> CompletableFuture.runAsync(() -> {
                    delegates.forEach(Mocks::register);
                    managementService.executeJob(jobId);
                }))
                .toList();
        for (CompletableFuture<Void> transaction : finishing) {
            transaction.get(60, TimeUnit.SECONDS); // throws if it lost a conflict
        }

        assertThat(called.get(SHOP.id())).isEnded();
        assertThat(called.get(NEWSLETTER.id())).isEnded();
        assertThat(managementService.createJobQuery().withException().count()).as("no failed job").isZero();
        assertThat(executeDueJobs()).containsExactly(FULFIL_IN_SYSTEMS, FULFIL_IN_SYSTEMS, ASSEMBLE_PACKAGE,
                SEND_RESPONSE);
        assertThat(request).isEnded();
    }
}
