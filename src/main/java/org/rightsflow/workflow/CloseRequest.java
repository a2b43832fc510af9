package org.rightsflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.request.RequestLifecycle;
import org.rightsflow.request.RequestOutcome;
import org.springframework.stereotype.Component;

@Component("closeRequest")
class CloseRequest implements JavaDelegate {

    private final RequestLifecycle lifecycle;

    CloseRequest(RequestLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.close(execution.getBusinessKey(), RequestOutcome.COMPLETED, "Request completed and closed.");
    }
}
