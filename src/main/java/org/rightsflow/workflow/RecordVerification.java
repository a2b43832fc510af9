package org.rightsflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestLifecycle;
import org.springframework.stereotype.Component;

/**
 * Marks the request verified. Where the regime starts the clock on verification (UK GDPR), the due date moved:
 * the timer variables follow it before the fulfilment timers are created.
 */
@Component("recordVerification")
class RecordVerification implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final DueDateTimers timers;

    RecordVerification(RequestLifecycle lifecycle, DueDateTimers timers) {
        this.lifecycle = lifecycle;
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestDetails request = lifecycle.verified(execution.getBusinessKey());
        execution.setVariables(timers.variablesFor(request.regime(), request.due()));
    }
}
