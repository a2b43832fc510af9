package org.rightsflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestLifecycle;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.verification.IdentityVerification;
import org.springframework.stereotype.Component;

/**
 * The link expired unused: nothing may be disclosed or erased for an unverified requester (CCPA §7060-7062,
 * GDPR Art. 12(6)). The request closes and the subject is told why and how to ask again.
 */
@Component("closeUnverifiable")
class CloseUnverifiable implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final IdentityVerification verification;
    private final SubjectMail mail;

    CloseUnverifiable(RequestLifecycle lifecycle, IdentityVerification verification, SubjectMail mail) {
        this.lifecycle = lifecycle;
        this.verification = verification;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getBusinessKey();
        verification.revokeAll(reference);
        RequestDetails request = lifecycle.close(reference, RequestOutcome.UNVERIFIABLE,
                "Closed: the subject did not confirm the request before the verification link expired. Nothing was "
                        + "disclosed or changed.");
        mail.unverifiable(request);
    }
}
