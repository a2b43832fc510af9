package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.VERIFICATION_EXPIRES_AT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestLifecycle;
import org.rightsflow.verification.IdentityVerification;
import org.springframework.stereotype.Component;

/**
 * Emails a one-time confirmation link. It expires with the process timer that closes the request as unverifiable,
 * so the two can never disagree.
 */
@Component("sendVerificationLink")
class SendVerificationLink implements JavaDelegate {

    private final RequestLifecycle lifecycle;
    private final IdentityVerification verification;
    private final SubjectMail mail;
    private final Timeline timeline;
    private final DueDateTimers timers;

    SendVerificationLink(RequestLifecycle lifecycle, IdentityVerification verification, SubjectMail mail,
                         Timeline timeline, DueDateTimers timers) {
        this.lifecycle = lifecycle;
        this.verification = verification;
        this.mail = mail;
        this.timeline = timeline;
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date expiresAt = (Date) execution.getVariable(VERIFICATION_EXPIRES_AT);
        RequestDetails request = lifecycle.awaitVerification(execution.getBusinessKey());
        String token = verification.issue(request.reference(), expiresAt.toInstant());
        mail.verificationLink(request, token, timers.dateOf(expiresAt));
        timeline.record(request.reference(), Actors.SYSTEM, TimelineKind.VERIFICATION_SENT,
                "Confirmation link emailed to the subject's address, valid until " + expiresAt.toInstant() + ".");
    }
}
