package org.rightsflow.workflow;

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
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestLifecycle;
import org.springframework.stereotype.Component;

/**
 * Chooses the connected systems this request must reach: every active system that takes part in its type. A
 * correction reaches only the systems that hold one of the accepted fields, and none when everything was refused.
 */
@Component("selectSystemsInScope")
class SelectSystemsInScope implements JavaDelegate {

    private final RequestDirectory requests;
    private final RequestLifecycle lifecycle;
    private final SystemRegistry systems;
    private final ConnectorContexts contexts;
    private final Timeline timeline;

    SelectSystemsInScope(RequestDirectory requests, RequestLifecycle lifecycle, SystemRegistry systems,
                         ConnectorContexts contexts, Timeline timeline) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.systems = systems;
        this.contexts = contexts;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestDetails request = requests.get(execution.getBusinessKey());
        List<SystemView> inScope = systems.inScopeFor(request.type());
        String explanation = null;
        if (request.type() == RequestType.CORRECTION) {
            List<SystemView> holding = inScope.stream()
                    .filter(system -> !contexts.correctionsFor(request.reference(), system.id()).isEmpty()).toList();
            List<String> leftOut = inScope.stream().filter(system -> !holding.contains(system))
                    .map(SystemView::name).toList();
            if (!leftOut.isEmpty() && !holding.isEmpty()) {
                timeline.record(request.reference(), Actors.SYSTEM, TimelineKind.SYSTEM_STEP, "Not in scope of this "
                        + "correction, as they hold none of the accepted fields: " + String.join(", ", leftOut) + ".");
            }
            if (holding.isEmpty()) {
                explanation = "No correction was accepted for any of our systems, so nothing is changed.";
            }
            inScope = holding;
        }
        // Camunda stores the list as a serialized variable; an ArrayList of Longs keeps it portable.
        List<Long> ids = new ArrayList<>(inScope.stream().map(SystemView::id).toList());
        execution.setVariable(SYSTEM_IDS, ids);
        lifecycle.startFulfilment(request.reference(), ids.size(), explanation);
    }
}
