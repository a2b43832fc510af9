package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.rightsflow.workflow.ProcessModel.BatchActivities.APPLY_BATCH;
import static org.rightsflow.workflow.ProcessModel.BatchActivities.APPLY_BATCH_BY_HAND;
import static org.rightsflow.workflow.ProcessModel.BatchActivities.BATCH_OVERDUE;
import static org.rightsflow.workflow.ProcessModel.BatchActivities.BATCH_REMINDER_DUE;
import static org.rightsflow.workflow.ProcessModel.BatchActivities.COMPLETE_BATCH;
import static org.rightsflow.workflow.ProcessModel.BatchActivities.SELECT_BATCH_SYSTEMS;
import static org.rightsflow.workflow.ProcessModel.Variables.BATCH_ROUTE;
import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.INSTRUCTIONS;
import static org.rightsflow.workflow.ProcessModel.Variables.OWNER_GROUP;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_IDS;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;
import static org.rightsflow.workflow.ProcessModel.Variables.TASK_NAME;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.optout.OptOutBatchCut;
import org.rightsflow.optout.Purpose;

/**
 * One batch of opt-outs, three systems: the shop and the newsletter tool take the batch through their connectors,
 * the mailing agency's owners apply it by hand. The batch completes only when all three have it; a reminder and an
 * alert are scheduled from the batch's due date and go away with it.
 */
@Deployment(resources = "bpmn/opt-out-batch.bpmn")
class OptOutBatchProcessTest extends ProcessTestSupport {

    static final String BATCH = "OPT-2026-000007";

    @BeforeEach
    void batchStubs() {
        stubs.on("selectBatchSystems", execution -> execution.setVariable(SYSTEM_IDS,
                        new ArrayList<>(List.of(SHOP.id(), NEWSLETTER.id(), MAILING_AGENCY.id()))))
                .on("routeBatch", execution -> {
                    ConnectedSystem system = SYSTEMS.get(((Number) execution.getVariable(SYSTEM_ID)).longValue());
                    boolean byHand = system == MAILING_AGENCY;
                    execution.setVariableLocal(BATCH_ROUTE, byHand ? RouteBatch.MANUAL : RouteBatch.AUTOMATED);
                    execution.setVariableLocal(SYSTEM_NAME, system.name());
                    execution.setVariableLocal(OWNER_GROUP, system.ownerGroup());
                    execution.setVariableLocal(TASK_NAME, "Apply 3 opt-outs in " + system.name());
                    execution.setVariableLocal(INSTRUCTIONS, "Download the list from this task.");
                });
    }

    /** The batch as production starts it: the starter's answer to the ledger cutting batch 7. */
    private ProcessInstance startBatch() {
        new OptOutBatchStarter(runtimeService, TIMERS).on(new OptOutBatchCut(7L, BATCH, Purpose.SALE_SHARING, 3, due));
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(BATCH).singleResult();
    }

    @Test
    void everySystemGetsTheBatchThroughItsConnectorOrItsOwnersAndOnlyThenIsItComplete() {
        ProcessInstance batch = startBatch();
        executeJob(batch, SELECT_BATCH_SYSTEMS);

        List<Job> connectorJobs = managementService.createJobQuery().processInstanceId(batch.getId())
                .activityId(APPLY_BATCH).list();
        assertThat(connectorJobs).as("one connector job per automated system").hasSize(2);
        Task byHand = taskService.createTaskQuery().processInstanceId(batch.getId()).singleResult();
        assertThat(byHand.getTaskDefinitionKey()).isEqualTo(APPLY_BATCH_BY_HAND);
        assertThat(byHand.getName()).isEqualTo("Apply 3 opt-outs in Mailing agency");
        assertThat(taskService.getIdentityLinksForTask(byHand.getId())).extracting(link -> link.getGroupId())
                .containsExactly("marketing");
        assertThat(byHand.getDueDate()).isEqualTo(TIMERS.variablesFor(due).get(DUE_DATE));

        connectorJobs.forEach(job -> managementService.executeJob(job.getId()));
        assertThat(stubs.callsOf("applyOptOutBatch")).extracting(call -> ((Number) call.variable(SYSTEM_ID))
                .longValue()).containsExactlyInAnyOrder(SHOP.id(), NEWSLETTER.id());
        assertThat(batch).isWaitingAt(APPLY_BATCH_BY_HAND);
        assertThat(stubs.callsOf("completeOptOutBatch")).isEmpty();

        taskService.complete(byHand.getId(), Map.of("outcome", "DONE"));
        executeJob(batch, COMPLETE_BATCH);

        assertThat(batch).isEnded();
        assertThat(stubs.callsOf("completeOptOutBatch")).singleElement()
                .satisfies(call -> assertThat(call.businessKey()).isEqualTo(BATCH));
        assertThat(timers(batch)).isEmpty();
    }

    @Test
    void aBatchStillOpenIsRemindedThreeDaysBeforeItsDueDateAndEscalatedTheDayAfter() {
        ProcessInstance batch = startBatch();
        executeJob(batch, SELECT_BATCH_SYSTEMS);
        Map<String, Job> timers = timers(batch);
        assertThat(timers.keySet()).containsExactly(BATCH_REMINDER_DUE, BATCH_OVERDUE);
        // The escalation ladder's second rung (3 days before, at 9:00 in the clock's zone), then the alert at the
        // first minute after the due day.
        assertThat(timers.get(BATCH_REMINDER_DUE).getDuedate()).isEqualTo(utc(due.minusDays(3).atTime(9, 0)));
        assertThat(timers.get(BATCH_OVERDUE).getDuedate()).isEqualTo(utc(due.plusDays(1).atStartOfDay()));

        // The connector jobs keep failing (left pending here); the clock passes the due date.
        ClockUtil.setCurrentTime(new Date(timers.get(BATCH_OVERDUE).getDuedate().getTime() + 60_000));
        managementService.executeJob(timers.get(BATCH_REMINDER_DUE).getId());
        managementService.executeJob(timers.get(BATCH_OVERDUE).getId());
        executeJob(batch, "remind-batch");
        executeJob(batch, "escalate-batch");

        assertThat(stubs.beansRun()).containsSubsequence("selectBatchSystems", "remindOptOutBatch",
                "escalateOptOutBatch");
        assertThat(batch).isWaitingAt(APPLY_BATCH, APPLY_BATCH_BY_HAND);
        assertThat(Set.copyOf(stubs.beansRun())).doesNotContain("completeOptOutBatch");
    }

    @Test
    void aBatchNoSystemTakesPartInCompletesAtOnce() {
        stubs.on("selectBatchSystems", execution -> execution.setVariable(SYSTEM_IDS, new ArrayList<Long>()));
        ProcessInstance batch = startBatch();
        executeJob(batch, SELECT_BATCH_SYSTEMS);
        executeJob(batch, COMPLETE_BATCH);
        assertThat(batch).isEnded();
    }

    private static Date utc(LocalDateTime time) {
        return Date.from(time.toInstant(ZoneOffset.UTC));
    }
}
