package org.rightsflow.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.deadline.DelayNotice;
import org.rightsflow.deadline.RegimePolicy;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.deadline.StatutoryDeadline;
import org.rightsflow.support.StaffNote;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status changes of a request, each with its timeline entry in the same transaction. Called by the process
 * steps in the workflow module.
 */
@Service
@Transactional
public class RequestLifecycle {

    /** The longest message staff or the subject may write. */
    public static final int MAX_MESSAGE = 4000;

    private final Requests requests;
    private final RequestMessages messages;
    private final RequestAppeals appeals;
    private final RequestIntake intake;
    private final RequestDirectory directory;
    private final SealedCorrections sealedCorrections;
    private final PersonalFields fields;
    private final StatutoryClock statutoryClock;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestLifecycle(Requests requests, RequestMessages messages, RequestAppeals appeals, RequestIntake intake,
                     RequestDirectory directory, SealedCorrections sealedCorrections, PersonalFields fields,
                     StatutoryClock statutoryClock, Timeline timeline, ApplicationEventPublisher events, Clock clock) {
        this.sealedCorrections = sealedCorrections;
        this.fields = fields;
        this.requests = requests;
        this.messages = messages;
        this.appeals = appeals;
        this.intake = intake;
        this.directory = directory;
        this.statutoryClock = statutoryClock;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    public RequestDetails awaitVerification(String reference) {
        DataSubjectRequest request = load(reference);
        request.awaitVerification();
        return details(request);
    }

    /**
     * The subject confirmed the request through the emailed link. Under UK GDPR the clock starts only now (ICO:
     * the later of receipt and receipt of the requested identification), so the due date is recomputed.
     */
    public RequestDetails verified(String reference) {
        DataSubjectRequest request = load(reference);
        Instant now = clock.instant();
        RegimePolicy policy = statutoryClock.policy(request.regime());
        StatutoryDeadline restarted = policy.clockStartsOnVerification()
                ? statutoryClock.deadlineNeverLate(request.regime(), request.type(), now)
                : null;
        request.verified(now, restarted);
        String description = "Identity verified: the subject confirmed the request from the emailed link.";
        if (restarted != null) {
            description += " Under " + request.regime().lawName() + " the clock starts on verification; due "
                    + restarted.due() + ".";
        }
        timeline.record(reference, Actors.SUBJECT, TimelineKind.VERIFIED, description);
        return details(request);
    }

    public RequestDetails startFulfilment(String reference, int systemsInScope) {
        return startFulfilment(reference, systemsInScope, null);
    }

    /**
     * @param explanation what the subject reads on the timeline instead of the usual sentence; null for that one
     */
    public RequestDetails startFulfilment(String reference, int systemsInScope, String explanation) {
        DataSubjectRequest request = load(reference);
        request.startFulfilment();
        String text = explanation != null ? explanation
                : systemsInScope == 0 ? "No connected system takes part in this kind of request."
                : "Carrying the request to " + systemsInScope + " connected system" + (systemsInScope == 1 ? "" : "s")
                + ".";
        timeline.record(reference, Actors.SYSTEM, TimelineKind.FULFILMENT_STARTED, text);
        return details(request);
    }

    public RequestDetails responded(String reference, String summary) {
        DataSubjectRequest request = load(reference);
        request.responded();
        timeline.record(reference, Actors.SYSTEM, TimelineKind.RESPONDED, summary);
        return details(request);
    }

    public RequestDetails close(String reference, RequestOutcome outcome, String reason) {
        DataSubjectRequest request = load(reference);
        request.close(outcome, clock.instant());
        timeline.record(reference, Actors.SYSTEM, TimelineKind.CLOSED, reason);
        events.publishEvent(new RequestClosed(reference, outcome));
        return details(request);
    }

    /** Why the request cannot be extended today, or empty when it can (for the staff page's form). */
    @Transactional(readOnly = true)
    public Optional<String> whyNoExtension(String reference) {
        return load(reference).whyNoExtension(statutoryClock.dateOf(clock.instant()));
    }

    /**
     * Extends the statutory period to the regime's longest, with the reason the subject will read. The timeline
     * records it, and {@link DeadlineMoved} moves the process's timers and tasks and sends the extension notice.
     *
     * @throws ExtensionRefused when the law does not allow it now (no extension for this type, already extended,
     *                          past the first period, already answered)
     */
    public RequestDetails extend(String reference, String reason, String actor) {
        DataSubjectRequest request = load(reference);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ExtensionRefused("Give the reason for the extension: the subject must be told why.");
        }
        if (why.length() > StaffNote.MAX_LENGTH) {
            throw new ExtensionRefused("Keep the reason under " + StaffNote.MAX_LENGTH + " characters.");
        }
        LocalDate today = statutoryClock.dateOf(clock.instant());
        Optional<String> refused = request.whyNoExtension(today);
        if (refused.isPresent()) {
            throw new ExtensionRefused(refused.get());
        }
        LocalDate previous = request.due();
        request.extend(today, clock.instant(), actor, why);
        RequestDetails details = details(request);
        timeline.record(reference, actor, TimelineKind.DEADLINE_EXTENDED, "The period to answer was extended from "
                + previous + " to " + details.due() + " (" + request.regime().lawName() + "). Reason given to the "
                + "subject: " + why);
        events.publishEvent(new DeadlineMoved(reference, previous, details.due(), DeadlineMoved.Cause.EXTENDED));
        return details;
    }

    /** Why the subject cannot be told of a delay today, or empty when they can (for the staff page's form). */
    @Transactional(readOnly = true)
    public Optional<String> whyNoDelayNotice(String reference) {
        DataSubjectRequest request = load(reference);
        return request.whyNoDelayNotice(statutoryClock.dateOf(clock.instant()),
                statutoryClock.policy(request.regime()).delayNotice().isPresent());
    }

    /** The latest date a notice of delay may promise for this request, where its law has such a notice. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> latestPromise(String reference) {
        DataSubjectRequest request = load(reference);
        return statutoryClock.policy(request.regime()).delayNotice()
                .map(notice -> request.due().plusDays(notice.latestDaysAfterDue()));
    }

    /**
     * Tells the subject of a delay where the law has no extension of set length but lets the business answer later
     * if it says why and by when (South Korea, Singapore: docs/legal-rules.md#delay-notice). The promised date
     * becomes the due date, the law's date stays on record; the timeline records it, and {@link DeadlineMoved}
     * moves the timers and sends the notice (the extension notice, worded for a delay).
     *
     * @throws ExtensionRefused when the law has no such notice, the request is answered or was delayed before, the
     *                          due date has passed, or the date is not after the due date or beyond the bound
     */
    public RequestDetails notifyDelay(String reference, String reason, LocalDate answerBy, String actor) {
        DataSubjectRequest request = load(reference);
        String why = reason == null ? "" : reason.strip();
        LocalDate today = statutoryClock.dateOf(clock.instant());
        Optional<DelayNotice> notice = statutoryClock.policy(request.regime()).delayNotice();
        Optional<String> refused = request.whyNoDelayNotice(today, notice.isPresent());
        if (refused.isPresent()) {
            throw new ExtensionRefused(refused.get());
        }
        if (why.isEmpty()) {
            throw new ExtensionRefused("Give the reason for the delay: the subject must be told why.");
        }
        if (why.length() > StaffNote.MAX_LENGTH) {
            throw new ExtensionRefused("Keep the reason under " + StaffNote.MAX_LENGTH + " characters.");
        }
        LocalDate latest = request.due().plusDays(notice.get().latestDaysAfterDue());
        if (answerBy == null || !answerBy.isAfter(request.due()) || answerBy.isAfter(latest)) {
            throw new ExtensionRefused("Choose the date you will answer by: after the due date (" + request.due()
                    + ") and no later than " + latest + ".");
        }
        LocalDate previous = request.due();
        request.notifyDelay(today, clock.instant(), actor, why, answerBy);
        RequestDetails details = details(request);
        timeline.record(reference, actor, TimelineKind.DEADLINE_EXTENDED, "The subject was told of a delay ("
                + notice.get().source() + "): the answer will come by " + answerBy + " instead of " + previous
                + ". Reason given to the subject: " + why);
        events.publishEvent(new DeadlineMoved(reference, previous, details.due(), DeadlineMoved.Cause.EXTENDED));
        return details;
    }

    /** Why the clock cannot be paused now, or empty when it can (for the staff page's form). */
    @Transactional(readOnly = true)
    public Optional<String> whyNoPause(String reference) {
        DataSubjectRequest request = load(reference);
        return request.whyNoPause(statutoryClock.policy(request.regime()).clockMayPause());
    }

    /**
     * Staff ask the subject for the identification or clarification the request needs, and the clock stops until the
     * answer arrives (UK GDPR, ICO guidance). The question is read on the status page, never sent by email.
     *
     * @throws PauseRefused where the law never stops the clock (CCPA: 45 days regardless), or it is already paused
     */
    public RequestDetails pause(String reference, String question, String actor) {
        DataSubjectRequest request = load(reference);
        String text = message(question, "Write the question the subject should answer.");
        Optional<String> refused = request.whyNoPause(statutoryClock.policy(request.regime()).clockMayPause());
        if (refused.isPresent()) {
            throw new PauseRefused(refused.get());
        }
        Instant now = clock.instant();
        request.pause(now, true);
        messages.save(new RequestMessage(reference, false, actor, text, now, fields));
        timeline.record(reference, actor, TimelineKind.CLOCK_PAUSED, "Asked the subject for clarification (message on "
                + "the status page); the clock stops on " + statutoryClock.dateOf(now) + " until the answer arrives.");
        events.publishEvent(new ClockPaused(reference));
        return details(request);
    }

    /**
     * The subject's answer from the status page: recorded, and the clock runs again with the due dates moved by the
     * days it stood still.
     *
     * @throws PauseRefused when the request is not waiting for an answer, or the answer is empty or too long
     */
    public RequestDetails answer(String reference, String answer) {
        DataSubjectRequest request = load(reference);
        String text = message(answer, "Write your answer.");
        Instant pausedAt = request.pausedSince().orElseThrow(() -> new PauseRefused(
                "We are not waiting for an answer on this request."));
        Instant now = clock.instant();
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(statutoryClock.dateOf(pausedAt),
                statutoryClock.dateOf(now));
        RequestDetails before = details(request);
        LocalDate due = statutoryClock.afterPause(request.regime(), request.type(), before.due(), days);
        LocalDate extendedDue = statutoryClock.afterPause(request.regime(), request.type(), before.extendedDue(), days);
        LocalDate originalDue = request.extension().map(e -> statutoryClock.afterPause(request.regime(),
                request.type(), e.originalDue(), days)).orElse(null);
        request.resume(days, due, extendedDue, originalDue);
        messages.save(new RequestMessage(reference, true, Actors.SUBJECT, text, now, fields));
        timeline.record(reference, Actors.SUBJECT, TimelineKind.CLOCK_RESUMED, "The subject answered; the clock "
                + "stood still " + days + " day(s) and runs again. Due date moved from " + before.due() + " to " + due
                + ".");
        events.publishEvent(new DeadlineMoved(reference, before.due(), due, DeadlineMoved.Cause.RESUMED));
        return details(request);
    }

    /**
     * Refuses the request as a whole: on a ground, with the reasons the subject is told, and for a manifestly
     * unfounded or excessive request the evidence staff keep. The process stops and the subject gets the refusal with
     * the remedies of their law ({@link RequestRefused}); the request closes as REFUSED.
     *
     * @throws RefusalRejected when something required is missing, the request is already answered, or an
     *                         unverifiable request is refused before its due date
     */
    public RequestDetails refuse(String reference, RefusalGround ground, String reasons, String evidence,
                                 String actor) {
        DataSubjectRequest request = load(reference);
        if (ground == null) {
            throw new RefusalRejected("Choose the ground of the refusal.");
        }
        String told = reasons == null ? "" : reasons.strip();
        String shown = evidence == null ? "" : evidence.strip();
        if (told.isEmpty()) {
            throw new RefusalRejected("Give the reasons: the subject must be told why the request is refused.");
        }
        if (!ground.fits(request.statutoryRight())) {
            throw new RefusalRejected(request.regime().lawName() + " grants this right: choose another ground, or "
                    + "carry the request out.");
        }
        if (ground.needsEvidence() && shown.isEmpty()) {
            throw new RefusalRejected("Record the evidence that the request is manifestly unfounded or excessive: "
                    + "the burden of showing it is ours (GDPR Art. 12(5)).");
        }
        if (told.length() > MAX_MESSAGE || shown.length() > MAX_MESSAGE) {
            throw new RefusalRejected("Keep the reasons and the evidence under " + MAX_MESSAGE + " characters each.");
        }
        RequestStatus status = request.status();
        if (status == RequestStatus.CLOSED || status == RequestStatus.RESPONDED) {
            throw new RefusalRejected("The request has been answered.");
        }
        LocalDate today = statutoryClock.dateOf(clock.instant());
        RequestDetails before = details(request);
        if (ground == RefusalGround.UNVERIFIABLE) {
            if (status != RequestStatus.AWAITING_VERIFICATION) {
                throw new RefusalRejected("The subject's identity is verified or not needed for this request.");
            }
            if (today.isBefore(before.due())) {
                throw new RefusalRejected("An unverifiable request is refused at its due date (" + before.due()
                        + "), not before: the subject may still confirm.");
            }
        }
        request.refuse(new Refusal(ground, told, shown.isEmpty() ? null : shown, actor));
        timeline.record(reference, actor, TimelineKind.REFUSED, "Refused (" + ground.name().toLowerCase()
                .replace('_', ' ') + "). Reasons given to the subject: " + told);
        if (!shown.isEmpty()) {
            timeline.record(reference, actor, TimelineKind.REFUSAL_EVIDENCE, shown);
        }
        events.publishEvent(new RequestRefused(reference));
        request.close(RequestOutcome.REFUSED, clock.instant());
        timeline.record(reference, Actors.SYSTEM, TimelineKind.CLOSED, "Request refused and closed.");
        events.publishEvent(new RequestClosed(reference, RequestOutcome.REFUSED));
        return details(request);
    }

    /** The grounds the staff page offers for this request: "no such right" only where its law does not grant it. */
    @Transactional(readOnly = true)
    public List<RefusalGround> refusalGrounds(String reference) {
        boolean statutoryRight = load(reference).statutoryRight();
        return Arrays.stream(RefusalGround.values()).filter(ground -> ground.fits(statutoryRight)).toList();
    }

    /** Whether the request can still be refused as a whole (for the staff page's form). */
    @Transactional(readOnly = true)
    public boolean refusable(String reference) {
        RequestStatus status = load(reference).status();
        return status != RequestStatus.CLOSED && status != RequestStatus.RESPONDED;
    }

    /**
     * Why the subject cannot appeal the decision on this request, or empty when they can (status page). An appeal is
     * against a refusal: of the whole request, or of part of it in the answer.
     *
     * @param answerRefusedPart whether the answer says a system's part was not carried out (the caller knows the
     *                          systems' results)
     */
    @Transactional(readOnly = true)
    public Optional<NoAppeal> whyNoAppeal(String reference, boolean answerRefusedPart) {
        DataSubjectRequest request = load(reference);
        RequestDetails details = details(request);
        if (!statutoryClock.policy(request.regime()).grantsAppeal()) {
            return Optional.of(NoAppeal.NOT_UNDER_THIS_LAW);
        }
        if (details.outcome() != RequestOutcome.REFUSED && details.outcome() != RequestOutcome.COMPLETED) {
            return Optional.of(NoAppeal.NO_DECISION_YET);
        }
        if (details.outcome() == RequestOutcome.COMPLETED && !answerRefusedPart) {
            return Optional.of(NoAppeal.NOTHING_REFUSED);
        }
        if (appeals.findByReference(reference).isPresent()) {
            return Optional.of(NoAppeal.ALREADY_APPEALED);
        }
        return Optional.empty();
    }

    /**
     * The subject appeals the decision (a refusal, or an answer that refused part; see {@link #whyNoAppeal}): recorded with the date by which the
     * appeal must be decided under their law, and {@link AppealLodged} starts the appeal process.
     *
     * @throws AppealRejected where the law gives no appeal, there is no decision yet, or it was appealed already
     */
    public AppealView appeal(String reference, String statement, boolean answerRefusedPart) {
        String text = statement == null ? "" : statement.strip();
        if (text.isEmpty()) {
            throw new AppealRejected("Say why you disagree with our decision.");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new AppealRejected("Keep your appeal under " + MAX_MESSAGE + " characters.");
        }
        Optional<NoAppeal> refused = whyNoAppeal(reference, answerRefusedPart);
        if (refused.isPresent()) {
            throw new AppealRejected(refused.get().english(load(reference).regime().lawName()), refused.get());
        }
        DataSubjectRequest request = load(reference);
        Instant now = clock.instant();
        LocalDate due = statutoryClock.appealDue(request.regime(), statutoryClock.dateOf(now)).orElseThrow();
        RequestAppeal appeal = appeals.save(new RequestAppeal(reference, text, now, due, fields));
        timeline.record(reference, Actors.SUBJECT, TimelineKind.APPEALED, "The subject appealed the decision; it must "
                + "be decided by " + due + " (" + statutoryClock.appealSource(request.regime()).orElse("") + ").");
        events.publishEvent(new AppealLodged(reference, due));
        return appeal.toView(fields);
    }

    /**
     * Records the decision on an appeal. Granted: the original decision is reversed and a follow-up request carries out
     * what was refused, verified again like any request. {@link AppealDecided} tells the subject. Someone other than
     * who took the decision appealed against decides ({@link RequestDirectory#originalDeciders}); that the actor is a
     * privacy officer is checked by the caller, who holds the task.
     *
     * @throws AppealRejected when the actor took the original decision, the outcome or explanation is missing, or the
     *                        appeal is decided already
     */
    public AppealView decideAppeal(String reference, AppealOutcome outcome, String explanation, String actor) {
        RequestAppeal appeal = appeals.findByReference(reference).orElseThrow(() -> new AppealRejected(
                "This request has no appeal."));
        Set<String> originalDeciders = directory.originalDeciders(reference);
        if (originalDeciders.contains(actor)) {
            throw new AppealRejected("An appeal is decided by someone other than who took the original decision ("
                    + String.join(", ", originalDeciders) + "). Ask another privacy officer.");
        }
        String why = explanation == null ? "" : explanation.strip();
        if (outcome == null) {
            throw new AppealRejected("Choose whether the appeal is granted or denied.");
        }
        if (why.isEmpty()) {
            throw new AppealRejected("Explain the decision: the subject is told why.");
        }
        if (why.length() > MAX_MESSAGE) {
            throw new AppealRejected("Keep the explanation under " + MAX_MESSAGE + " characters.");
        }
        if (appeal.decided()) {
            throw new AppealRejected("The appeal is already decided.");
        }
        String followUp = null;
        if (outcome == AppealOutcome.GRANTED) {
            RequestDetails original = details(load(reference));
            followUp = intake.submit(new NewRequest(original.type(), original.regime(), original.subject(),
                    "Follow-up of " + reference + ": the appeal was granted. " + why, original.channel(), null,
                    actor, requestedCorrectionsOf(reference)).inLanguage(original.language())).request().reference();
        }
        appeal.decide(outcome, why, actor, clock.instant(), followUp);
        timeline.record(reference, actor, TimelineKind.APPEAL_DECIDED, "Appeal " + outcome.name().toLowerCase()
                + ": " + why + (followUp == null ? "" : " Carried out as request " + followUp + "."));
        events.publishEvent(new AppealDecided(reference));
        return appeal.toView(fields);
    }

    private Map<String, String> requestedCorrectionsOf(String reference) {
        DataSubjectRequest request = load(reference);
        return request.sealedCorrections() == null ? Map.of()
                : sealedCorrections.open(request.sealedCorrections());
    }

    private static String message(String text, String whenEmpty) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new PauseRefused(whenEmpty);
        }
        if (stripped.length() > MAX_MESSAGE) {
            throw new PauseRefused("Keep the message under " + MAX_MESSAGE + " characters.");
        }
        return stripped;
    }

    private DataSubjectRequest load(String reference) {
        return requests.findByReference(reference).orElseThrow(() -> new UnknownRequestException(reference));
    }

    private RequestDetails details(DataSubjectRequest request) {
        return request.toDetails(statutoryClock.policy(request.regime()).requiresVerification(request.type()), fields);
    }
}
