package org.rightsflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.springframework.stereotype.Component;

/** Confirms receipt to the subject at once (CCPA §7021(a) asks for it within 10 business days). */
@Component("acknowledgeRequest")
class AcknowledgeRequest implements JavaDelegate {

    private final RequestDirectory requests;
    private final SubjectMail mail;
    private final Timeline timeline;

    AcknowledgeRequest(RequestDirectory requests, SubjectMail mail, Timeline timeline) {
        this.requests = requests;
        this.mail = mail;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestDetails request = requests.get(execution.getBusinessKey());
        mail.acknowledgement(request);
        String description = "Receipt confirmed to the subject by email";
        if (request.acknowledgeBy() != null) {
            description += " (required by " + request.acknowledgeBy() + ")";
        }
        timeline.record(request.reference(), Actors.SYSTEM, TimelineKind.ACKNOWLEDGED, description + ".");
    }
}
