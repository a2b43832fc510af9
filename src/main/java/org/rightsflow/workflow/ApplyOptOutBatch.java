package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.BATCH_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.BatchContext;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.StepView;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.OptOutBatches;
import org.springframework.stereotype.Component;

/**
 * Carries the whole batch into one system through its connector, as one job: a failure is retried, then becomes an
 * incident on the Incidents page, and the system's part of the batch waits there until someone retries it.
 */
@Component("applyOptOutBatch")
class ApplyOptOutBatch implements JavaDelegate {

    private final OptOutBatches batches;
    private final SystemActions actions;
    private final Timeline timeline;

    ApplyOptOutBatch(OptOutBatches batches, SystemActions actions, Timeline timeline) {
        this.batches = batches;
        this.actions = actions;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BatchView batch = batches.get(((Number) execution.getVariable(BATCH_ID)).longValue());
        long systemId = ((Number) execution.getVariable(SYSTEM_ID)).longValue();
        ConnectorAction action = Routes.actionFor(RequestType.valueOf((String) execution.getVariable(REQUEST_TYPE)))
                .orElseThrow();
        // The same key for every attempt in this system, so an http receiver recognises a retry.
        BatchContext context = new BatchContext(batch.reference(), action, batch.dueOn(),
                batches.subjectsOf(batch.id()), batch.reference() + "/" + systemId);
        StepView step = actions.performBatch(systemId, context, Actors.SYSTEM);
        timeline.record(batch.reference(), Actors.SYSTEM, TimelineKind.SYSTEM_COMPLETED,
                step.systemName() + ": " + step.summary());
    }
}
