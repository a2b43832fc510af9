package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_IDS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestLifecycle;
import org.springframework.stereotype.Component;

/** Chooses the connected systems this request must reach: every active system that takes part in its type. */
@Component("selectSystemsInScope")
class SelectSystemsInScope implements JavaDelegate {

    private final RequestDirectory requests;
    private final RequestLifecycle lifecycle;
    private final SystemRegistry systems;

    SelectSystemsInScope(RequestDirectory requests, RequestLifecycle lifecycle, SystemRegistry systems) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.systems = systems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestDetails request = requests.get(execution.getBusinessKey());
        List<SystemView> inScope = systems.inScopeFor(request.type());
        // Camunda stores the list as a serialized variable; an ArrayList of Longs keeps it portable.
        List<Long> ids = new ArrayList<>(inScope.stream().map(SystemView::id).toList());
        execution.setVariable(SYSTEM_IDS, ids);
        lifecycle.startFulfilment(request.reference(), ids.size());
    }
}
