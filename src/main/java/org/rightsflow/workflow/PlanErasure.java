package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.ERASURE_PLAN_STEP;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_KEY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.StepView;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.connector.SystemRegistry;
import org.springframework.stereotype.Component;

/**
 * The dry run before an erasure: what would be deleted, masked and kept, per table, without changing anything.
 * Staff approve the erasure looking at it (unless the system approves in advance).
 */
@Component("planErasure")
class PlanErasure implements JavaDelegate {

    private final SystemActions actions;
    private final SystemRegistry systems;
    private final ConnectorContexts contexts;
    private final Timeline timeline;

    PlanErasure(SystemActions actions, SystemRegistry systems, ConnectorContexts contexts, Timeline timeline) {
        this.actions = actions;
        this.systems = systems;
        this.contexts = contexts;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getBusinessKey();
        long systemId = ((Number) execution.getVariable(SYSTEM_ID)).longValue();
        String systemKey = (String) execution.getVariable(SYSTEM_KEY);
        if (!systems.supports(systemId, ConnectorAction.PLAN_ERASURE)) {
            execution.setVariable(ERASURE_PLAN_STEP, null);
            return;
        }
        StepView plan = actions.perform(reference, systemId, ConnectorAction.PLAN_ERASURE,
                contexts.contextFor(reference, systemKey, ConnectorAction.PLAN_ERASURE, null), Actors.SYSTEM);
        execution.setVariable(ERASURE_PLAN_STEP, plan.id());
        timeline.record(reference, Actors.SYSTEM, TimelineKind.SYSTEM_STEP,
                plan.systemName() + ", dry run of the erasure: " + plan.summary());
    }
}
