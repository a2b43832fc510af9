package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_IDS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.deadline.RequestType;
import org.springframework.stereotype.Component;

/** Every active system that takes part in the batch's request type gets the batch. */
@Component("selectBatchSystems")
class SelectBatchSystems implements JavaDelegate {

    private final SystemRegistry systems;
    private final Timeline timeline;

    SelectBatchSystems(SystemRegistry systems, Timeline timeline) {
        this.systems = systems;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestType type = RequestType.valueOf((String) execution.getVariable(REQUEST_TYPE));
        List<SystemView> inScope = systems.inScopeFor(type);
        execution.setVariable(SYSTEM_IDS, new ArrayList<>(inScope.stream().map(SystemView::id).toList()));
        timeline.record(execution.getBusinessKey(), Actors.SYSTEM, TimelineKind.FULFILMENT_STARTED, inScope.isEmpty()
                ? "No active system takes part in " + type + " requests: nothing to carry out."
                : "Carrying the batch to " + inScope.size() + " system(s): "
                        + String.join(", ", inScope.stream().map(SystemView::name).toList()) + ".");
    }
}
