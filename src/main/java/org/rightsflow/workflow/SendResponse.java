package org.rightsflow.workflow;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.access.PackageDelivery;
import org.rightsflow.connector.ConnectorKind;
import org.rightsflow.connector.FulfilmentResultView;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.correction.CorrectionReview;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestLifecycle;
import org.springframework.stereotype.Component;

/** Answers the subject with what was done in each system, then marks the request responded. */
@Component("sendResponse")
class SendResponse implements JavaDelegate {

    private final RequestDirectory requests;
    private final RequestLifecycle lifecycle;
    private final SystemRegistry systems;
    private final SubjectMail mail;
    private final CorrectionReview corrections;
    private final PackageDelivery delivery;

    SendResponse(RequestDirectory requests, RequestLifecycle lifecycle, SystemRegistry systems, SubjectMail mail,
                 CorrectionReview corrections, PackageDelivery delivery) {
        this.delivery = delivery;
        this.corrections = corrections;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.systems = systems;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestDetails request = requests.get(execution.getBusinessKey());
        List<FulfilmentResultView> results = systems.resultsFor(request.reference());
        if (request.type() == RequestType.CORRECTION) {
            // Processors that confirmed were told of the correction (GDPR Art. 19); the subject learns who they are.
            List<String> toldRecipients = results.stream()
                    .filter(r -> r.outcome() != SystemOutcome.NOT_DONE
                            && systems.get(r.systemId()).kind() == ConnectorKind.PROCESSOR_EMAIL)
                    .map(FulfilmentResultView::systemName).toList();
            mail.correctionResponse(request, corrections.claim(request.reference()), toldRecipients);
        } else {
            mail.response(request, delivery.find(request.reference()).orElse(null));
        }
        long done = results.stream().filter(r -> r.outcome() == SystemOutcome.DONE).count();
        long noData = results.stream().filter(r -> r.outcome() == SystemOutcome.NO_DATA_FOUND).count();
        long notDone = results.size() - done - noData;
        lifecycle.responded(request.reference(), "Response emailed to the subject: " + results.size()
                + " system(s) — " + done + " done, " + noData + " held no data, " + notDone + " not done.");
    }
}
