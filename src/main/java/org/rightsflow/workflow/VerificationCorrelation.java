package org.rightsflow.workflow;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.rightsflow.verification.IdentityVerified;
import org.rightsflow.verification.VerificationNotAccepted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers a confirmed verification to the waiting process, in the confirming transaction. If no process waits
 * (the request closed meanwhile), the confirmation is refused and rolled back.
 */
@Component
class VerificationCorrelation {

    private final RuntimeService runtime;

    VerificationCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(IdentityVerified verified) {
        try {
            runtime.createMessageCorrelation(ProcessModel.MESSAGE_IDENTITY_VERIFIED)
                    .processInstanceBusinessKey(verified.reference())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw new VerificationNotAccepted(verified.reference());
        }
    }
}
