package org.rightsflow.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.deadline.StatutoryDeadline;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in a request: fixes the statutory deadline from the day of receipt, stores it, opens its timeline and
 * publishes {@link RequestSubmitted} in the same transaction, so a request never exists without its process.
 */
@Service
public class RequestIntake {

    private final Requests requests;
    private final ReferenceNumbers references;
    private final StatusTokens tokens;
    private final StatutoryClock statutoryClock;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final SealedCorrections sealedCorrections;
    private final PersonalFields fields;
    private final Clock clock;
    private final IntakeProperties intakeProperties;

    RequestIntake(Requests requests, ReferenceNumbers references, StatusTokens tokens, StatutoryClock statutoryClock,
                  Timeline timeline, ApplicationEventPublisher events, SealedCorrections sealedCorrections,
                  PersonalFields fields, Clock clock, IntakeProperties intakeProperties) {
        this.fields = fields;
        this.intakeProperties = intakeProperties;
        this.requests = requests;
        this.references = references;
        this.tokens = tokens;
        this.statutoryClock = statutoryClock;
        this.timeline = timeline;
        this.events = events;
        this.sealedCorrections = sealedCorrections;
        this.clock = clock;
    }

    @Transactional
    public SubmittedRequest submit(NewRequest request) {
        Objects.requireNonNull(request.type(), "type");
        Objects.requireNonNull(request.regime(), "regime");
        Objects.requireNonNull(request.subject(), "subject");
        // The channels check the claim against the fields the systems declare; this is the last line of defence.
        List<RequestedCorrections.Problem> problems =
                RequestedCorrections.problems(request.type(), request.corrections(), Set.of());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Corrections: " + problems.get(0).message());
        }
        Instant now = clock.instant();
        Instant receivedAt = request.receivedAt() == null ? now : request.receivedAt();
        if (receivedAt.isAfter(now)) {
            throw new IllegalArgumentException("A request cannot be received in the future");
        }
        if (receivedAt.isBefore(intakeProperties.earliestReceivedAt(now))) {
            throw new IllegalArgumentException("A request cannot be dated more than " + intakeProperties.maxBackdating()
                    + " before it is entered");
        }
        StatutoryDeadline deadline = statutoryClock.deadlineNeverLate(request.regime(), request.type(), receivedAt);
        // A correction names its own claim, so two are never the same request; every other type is.
        String original = request.type() == RequestType.CORRECTION ? null
                : requests.findOpenOriginals(fields.emailHash(request.subject().email()), request.type(),
                        RequestStatus.CLOSED).stream()
                        .map(DataSubjectRequest::reference).findFirst().orElse(null);
        String reference = references.next(statutoryClock.dateOf(receivedAt));
        StatusToken token = tokens.mint(reference);
        DataSubjectRequest stored = requests.save(new DataSubjectRequest(reference, token, request, receivedAt, deadline,
                sealedCorrections.seal(request.corrections()), fields));

        timeline.record(reference, request.actor(), TimelineKind.SUBMITTED, describeSubmission(request, deadline));
        if (original != null) {
            stored.linkTo(original);
            timeline.record(reference, Actors.SYSTEM, TimelineKind.DUPLICATE_LINKED, "Linked to " + original
                    + ", an open request of the same kind from the same person: answered with it, not carried out twice.");
            events.publishEvent(new RequestLinked(reference, original));
        } else {
            events.publishEvent(new RequestSubmitted(reference));
        }
        boolean verificationRequired = statutoryClock.policy(request.regime()).requiresVerification(request.type());
        return new SubmittedRequest(stored.toDetails(verificationRequired, fields), token.token());
    }

    private static String describeSubmission(NewRequest request, StatutoryDeadline deadline) {
        StringBuilder text = new StringBuilder()
                .append(RequestTexts.typeLabel(request.type())).append(" request under ")
                .append(request.regime().lawName()).append(", received through ")
                .append(RequestTexts.channelLabel(request.channel())).append(". Due ").append(deadline.due())
                .append(" (").append(deadline.source()).append(")");
        if (!deadline.due().equals(deadline.extendedDue())) {
            text.append("; extendable to ").append(deadline.extendedDue());
        }
        if (deadline.acknowledgeBy() != null) {
            text.append("; receipt to be confirmed by ").append(deadline.acknowledgeBy());
        }
        text.append('.');
        if (!request.corrections().isEmpty()) {
            // Field names only: the values are personal data and stay in the sealed request.
            text.append(" Asks to correct: ").append(String.join(", ", request.corrections().keySet())).append('.');
        }
        if (!deadline.statutoryRight()) {
            text.append(" This right is not granted by ").append(request.regime().lawName())
                    .append("; handled voluntarily within the regime's usual period.");
        }
        return text.toString();
    }
}
