package org.rightsflow.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rightsflow.access.PackageView;
import org.rightsflow.connector.DataInPlainWords;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.correction.ClaimedCorrection;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.MailSecret;
import org.rightsflow.notification.OutgoingMail;
import org.rightsflow.notification.Outbox;
import org.rightsflow.request.AppealView;
import org.rightsflow.request.Extension;
import org.rightsflow.request.Refusal;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.springframework.stereotype.Component;
import org.rightsflow.support.PublicLinks;

/**
 * Writes the emails addressed to the data subject; every one carries the status link. They greet nobody by name and
 * carry nothing the requester typed: whoever filled in the form chose those words, and the mail goes out under the
 * company's name to an address that may not be theirs.
 */
@Component
class SubjectMail {

    private final Outbox outbox;
    private final RequestDirectory requests;
    private final PublicLinks links;
    private final DataInPlainWords plainWords;
    private final SystemRegistry systems;

    SubjectMail(Outbox outbox, RequestDirectory requests, PublicLinks links, DataInPlainWords plainWords,
                SystemRegistry systems) {
        this.outbox = outbox;
        this.requests = requests;
        this.links = links;
        this.plainWords = plainWords;
        this.systems = systems;
    }

    void acknowledgement(RequestDetails request) {
        send(request, MailKind.ACKNOWLEDGEMENT, Map.of());
    }

    void verificationLink(RequestDetails request, String verificationToken, LocalDate validUntil) {
        send(request, MailKind.VERIFICATION, Map.of("verifyUrl", MailSecret.verificationLink(links.verification(verificationToken)),
                "validUntil", validUntil));
    }

    /** The regime's extension notice: the reason, the new date, and where the law requires it, the remedies. */
    void extensionNotice(RequestDetails request, Extension extension) {
        send(request, MailKind.EXTENSION_NOTICE, Map.of("extension", extension));
    }

    /** There is a question on the status page; the email carries no question and asks for nothing by email. */
    void clarificationRequest(RequestDetails request) {
        send(request, MailKind.CLARIFICATION_REQUEST, Map.of());
    }

    /** The refusal: the ground in plain words, the reasons, and the remedies the subject's law names. */
    void refusal(RequestDetails request, Refusal refusal) {
        send(request, MailKind.REFUSAL, Map.of("refusal", refusal));
    }

    void appealReceived(RequestDetails request, AppealView appeal) {
        send(request, MailKind.APPEAL_RECEIVED, Map.of("appeal", appeal));
    }

    /** Granted: the follow-up request; denied: the reasons and where to complain (the state attorney general). */
    void appealDecision(RequestDetails request, AppealView appeal) {
        send(request, MailKind.APPEAL_DECISION, Map.of("appeal", appeal));
    }

    /** This request repeats an open one: it is answered with it (the original's reference, never its link). */
    void duplicateNotice(RequestDetails request, RequestDetails original) {
        send(request, MailKind.DUPLICATE_NOTICE, Map.of("originalReference", original.reference(),
                "originalDue", original.due()));
    }

    void unverifiable(RequestDetails request) {
        send(request, MailKind.UNVERIFIABLE, Map.of());
    }

    /** The answer; for an access or portability request with the package to download, else null. */
    void response(RequestDetails request, PackageView accessPackage) {
        Map<String, Object> model = new HashMap<>();
        model.put("answers", answers(request));
        model.put("accessPackage", accessPackage);
        // An opt-out or a limit answered: where the subject sees and changes their choices from now on.
        model.put("preferencesUrl", links.preferencesStart());
        send(request, MailKind.RESPONSE, model);
    }

    /**
     * The answer to a correction: each field's decision (the field by its label in the subject's language), what
     * changed where, and which recipients were told.
     */
    void correctionResponse(RequestDetails request, List<ClaimedCorrection> claim, List<String> toldRecipients) {
        send(request, MailKind.RESPONSE, Map.of("answers", answers(request), "corrections", claim,
                "fieldLabels", systems.correctableFieldLabels(request.language()), "toldRecipients", toldRecipients));
    }

    /** Each system's part, in the words the subject knows their data by (never table names or row counts). */
    private List<DataInPlainWords.SystemAnswer> answers(RequestDetails request) {
        return plainWords.of(request.reference(), request.type(), request.language());
    }

    private void send(RequestDetails request, MailKind kind, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("request", request);
        model.put("statusUrl", MailSecret.statusLink(links.status(requests.statusToken(request.reference()))));
        outbox.queue(new OutgoingMail(request.reference(), kind, request.subject().email(), model,
                request.language()));
    }
}
