package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.connector.SystemRegistry;
import org.springframework.stereotype.Component;

/**
 * Stores what the owner reported for this system, for the response and the evidence. A task completed outside the
 * inbox (e.g. in Camunda Tasklist) without an outcome counts as done.
 */
@Component("recordSystemResult")
class RecordSystemResult implements JavaDelegate {

    private final SystemRegistry systems;
    private final Timeline timeline;

    RecordSystemResult(SystemRegistry systems, Timeline timeline) {
        this.systems = systems;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getBusinessKey();
        long systemId = ((Number) execution.getVariable(SYSTEM_ID)).longValue();
        Object outcomeValue = execution.getVariable(OUTCOME);
        SystemOutcome outcome = outcomeValue == null ? SystemOutcome.DONE : SystemOutcome.valueOf(outcomeValue.toString());
        String summary = (String) execution.getVariable(RESULT_SUMMARY);
        Object completedBy = execution.getVariable(COMPLETED_BY);
        String actor = completedBy == null ? Actors.SYSTEM : completedBy.toString();
        systems.recordResult(reference, systemId, outcome, summary, actor);
        timeline.record(reference, actor, TimelineKind.SYSTEM_COMPLETED,
                execution.getVariable(SYSTEM_NAME) + ": " + outcome.label()
                        + (summary == null || summary.isBlank() ? "." : " — " + summary));
    }
}
