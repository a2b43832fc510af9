package org.rightsflow.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryDeadline;

/**
 * The aggregate: one data subject request. Status changes go through the methods below, which refuse moves the
 * lifecycle does not allow, so a stray process step cannot reopen a closed request.
 */
@Entity
@Table(name = "dsr_request")
class DataSubjectRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "status_token_hash", nullable = false, updatable = false)
    private String statusTokenHash;

    @Column(name = "status_token_salt", nullable = false, updatable = false)
    private String statusTokenSalt;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false, updatable = false)
    private RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Regime regime;

    /** The subject's email, name, account id and the request's details, sealed (see {@link PersonalFields}). */
    @Column(name = "subject_email_sealed", nullable = false)
    private String subjectEmailSealed;

    /** The keyed hash of the subject's email: duplicates and searches find a person's requests by it. */
    @Column(name = "subject_email_hash", nullable = false)
    private String subjectEmailHash;

    @Column(name = "subject_name_sealed", nullable = false)
    private String subjectNameSealed;

    @Column(name = "subject_account_id_sealed")
    private String subjectAccountIdSealed;

    @Column(name = "details_sealed")
    private String detailsSealed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "clock_started_at", nullable = false)
    private Instant clockStartedAt;

    @Column(name = "due_date", nullable = false)
    private LocalDate due;

    @Column(name = "extended_due_date", nullable = false)
    private LocalDate extendedDue;

    @Column(name = "acknowledge_by")
    private LocalDate acknowledgeBy;

    @Column(name = "statutory_right", nullable = false)
    private boolean statutoryRight;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Enumerated(EnumType.STRING)
    @Column
    private RequestOutcome outcome;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** What a correction request asks to change, encrypted (see {@link SealedCorrections}); null for other types. */
    @Column(name = "corrections_sealed", updatable = false)
    private String correctionsSealed;

    @Column(name = "corrections_key_id", updatable = false)
    private String correctionsKeyId;

    /** The due date an extension replaced; null while not extended. */
    @Column(name = "original_due_date")
    private LocalDate originalDue;

    @Column(name = "extended_at")
    private Instant extendedAt;

    @Column(name = "extended_by")
    private String extendedBy;

    @Column(name = "extension_reason")
    private String extensionReason;

    /** True when the "extension" was a notice of delay to a date staff chose (docs/legal-rules.md#delay-notice). */
    @Column(name = "delay_notice", nullable = false)
    private boolean delayNotice;

    /** Since when the clock stands still, waiting for the subject's answer; null while it runs. */
    @Column(name = "paused_at")
    private Instant pausedAt;

    @Column(name = "paused_days", nullable = false)
    private int pausedDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal_ground")
    private RefusalGround refusalGround;

    @Column(name = "refusal_reasons")
    private String refusalReasons;

    @Column(name = "refusal_evidence")
    private String refusalEvidence;

    @Column(name = "refused_by")
    private String refusedBy;

    /** The open request of the same type from the same person this one is answered with; null when on its own. */
    @Column(name = "duplicate_of")
    private String duplicateOf;

    /** The name of the API key that submitted the request (it may read it back); null for every other channel. */
    @Column(name = "submitted_by_api_key", updatable = false)
    private String submittedByApiKey;

    /** The subject's language as a BCP 47 tag (support.Languages): every message to them is written in it. */
    @Column(nullable = false, updatable = false)
    private String language;

    @Version
    private long version;

    protected DataSubjectRequest() {
    }

    DataSubjectRequest(String reference, StatusToken token, NewRequest request, Instant receivedAt,
                       StatutoryDeadline deadline, SealedCorrections.Sealed corrections, PersonalFields fields) {
        this.reference = reference;
        this.statusTokenHash = token.hash();
        this.statusTokenSalt = token.salt();
        this.type = request.type();
        this.regime = request.regime();
        this.subjectEmailSealed = fields.seal(request.subject().email(), PersonalFields.SUBJECT_EMAIL);
        this.subjectEmailHash = fields.emailHash(request.subject().email());
        this.subjectNameSealed = fields.seal(request.subject().name(), PersonalFields.SUBJECT_NAME);
        this.subjectAccountIdSealed = fields.seal(request.subject().accountId(), PersonalFields.SUBJECT_ACCOUNT_ID);
        this.detailsSealed = fields.seal(request.details(), PersonalFields.DETAILS);
        this.channel = request.channel();
        if (corrections != null) {
            this.correctionsSealed = corrections.text();
            this.correctionsKeyId = corrections.keyId();
        }
        this.receivedAt = receivedAt;
        this.clockStartedAt = receivedAt;
        applyDeadline(deadline);
        this.status = RequestStatus.RECEIVED;
        this.submittedByApiKey = request.submittedByApiKey();
        this.language = request.language().toLanguageTag();
    }

    void awaitVerification() {
        requireStatus(RequestStatus.RECEIVED, RequestStatus.AWAITING_VERIFICATION);
        status = RequestStatus.AWAITING_VERIFICATION;
    }

    /**
     * The subject proved control of the email address. Where the regime starts the clock only then (UK GDPR),
     * the caller passes the recomputed deadline and the clock start moves to the verification time.
     */
    void verified(Instant at, StatutoryDeadline restartedDeadline) {
        requireStatus(RequestStatus.AWAITING_VERIFICATION);
        if (restartedDeadline != null) {
            LocalDate promised = due;
            clockStartedAt = at;
            applyDeadline(restartedDeadline);
            if (originalDue != null) {
                // Extended while waiting for verification: the extension holds on the restarted clock; a date
                // promised in a notice of delay holds unless the restarted period ends later.
                originalDue = due;
                due = delayNotice ? (promised.isAfter(due) ? promised : due) : extendedDue;
            }
        }
        status = RequestStatus.IN_PROGRESS;
    }

    void startFulfilment() {
        requireStatus(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS);
        status = RequestStatus.IN_PROGRESS;
    }

    void responded() {
        requireStatus(RequestStatus.IN_PROGRESS);
        status = RequestStatus.RESPONDED;
    }

    /** A request closes as COMPLETED once answered, or as UNVERIFIABLE while it still waits for confirmation. */
    void close(RequestOutcome outcome, Instant at) {
        if (status == RequestStatus.CLOSED) {
            throw new IllegalStateException("Request " + reference + " is already closed");
        }
        switch (outcome) {
            case COMPLETED -> requireStatus(RequestStatus.RESPONDED);
            case UNVERIFIABLE -> requireStatus(RequestStatus.AWAITING_VERIFICATION);
            case REFUSED -> requireStatus(RequestStatus.RECEIVED, RequestStatus.AWAITING_VERIFICATION,
                    RequestStatus.IN_PROGRESS);
            case ANSWERED_WITH_ORIGINAL -> requireStatus(RequestStatus.RECEIVED);
        }
        this.status = RequestStatus.CLOSED;
        this.outcome = outcome;
        this.closedAt = at;
    }

    /**
     * Why the statutory period cannot be extended now, or empty when it can. The law allows one extension, where the
     * regime provides one for this type, decided and told to the subject within the first period.
     */
    Optional<String> whyNoExtension(LocalDate today) {
        if (status == RequestStatus.CLOSED || status == RequestStatus.RESPONDED) {
            return Optional.of("The request has been answered.");
        }
        if (originalDue != null) {
            return Optional.of("The request was already extended; the law allows one extension.");
        }
        if (!extendedDue.isAfter(due)) {
            return Optional.of(regime.lawName() + " gives no extension for this kind of request.");
        }
        if (today.isAfter(due)) {
            return Optional.of("An extension must be decided and told to the subject within the first "
                    + "period, which ended on " + due + ".");
        }
        return Optional.empty();
    }

    /**
     * Extends the period to the regime's longest: the due date becomes the extended due date.
     *
     * @throws IllegalStateException when {@link #whyNoExtension} names a reason
     */
    void extend(LocalDate today, Instant at, String by, String reason) {
        whyNoExtension(today).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        this.originalDue = due;
        this.due = extendedDue;
        this.extendedAt = at;
        this.extendedBy = by;
        this.extensionReason = reason;
    }

    /**
     * Why staff cannot tell the subject of a delay today, or empty when they can: the law must provide for it, the
     * request must be open, not extended or delayed before, and the notice must come by the due date.
     */
    Optional<String> whyNoDelayNotice(LocalDate today, boolean lawProvidesIt) {
        if (!lawProvidesIt) {
            return Optional.of(regime.lawName() + " has no notice of delay; where it allows more time, extend.");
        }
        if (status == RequestStatus.CLOSED || status == RequestStatus.RESPONDED) {
            return Optional.of("The request has been answered.");
        }
        if (originalDue != null) {
            return Optional.of("The subject was already told of a delay, to " + due + ".");
        }
        if (today.isAfter(due)) {
            return Optional.of("A delay must be told to the subject by the due date, which was " + due + ".");
        }
        return Optional.empty();
    }

    /**
     * A notice of delay: the subject is told why and by when they will be answered; the due date becomes that date
     * and the law's date is kept as the original one.
     *
     * @throws IllegalStateException when {@link #whyNoDelayNotice} names a reason
     */
    void notifyDelay(LocalDate today, Instant at, String by, String reason, LocalDate answerBy) {
        whyNoDelayNotice(today, true).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        this.originalDue = due;
        this.due = answerBy;
        this.extendedAt = at;
        this.extendedBy = by;
        this.extensionReason = reason;
        this.delayNotice = true;
    }

    /** Why the clock cannot be paused now, or empty when it can. */
    Optional<String> whyNoPause(boolean regimeAllowsPause) {
        if (!regimeAllowsPause) {
            return Optional.of("The clock never stops under " + regime.lawName() + ": the period runs whatever we "
                    + "wait for.");
        }
        if (status == RequestStatus.CLOSED || status == RequestStatus.RESPONDED) {
            return Optional.of("The request has been answered.");
        }
        if (pausedAt != null) {
            return Optional.of("The clock is already paused, waiting for the subject's answer.");
        }
        return Optional.empty();
    }

    void pause(Instant at, boolean regimeAllowsPause) {
        whyNoPause(regimeAllowsPause).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        this.pausedAt = at;
    }

    /**
     * The subject answered: the clock runs again with the due dates moved past the pause.
     *
     * @param days how many days the clock stood still
     */
    void resume(int days, LocalDate newDue, LocalDate newExtendedDue, LocalDate newOriginalDue) {
        if (pausedAt == null) {
            throw new IllegalStateException("Request " + reference + " is not waiting for an answer");
        }
        this.pausedAt = null;
        this.pausedDays += days;
        this.due = newDue;
        this.extendedDue = newExtendedDue;
        if (originalDue != null) {
            this.originalDue = newOriginalDue;
        }
    }

    Optional<Instant> pausedSince() {
        return Optional.ofNullable(pausedAt);
    }

    int pausedDays() {
        return pausedDays;
    }

    /** Records the refusal; {@link #close} with REFUSED follows in the same transaction. */
    void refuse(Refusal refusal) {
        requireStatus(RequestStatus.RECEIVED, RequestStatus.AWAITING_VERIFICATION, RequestStatus.IN_PROGRESS);
        this.refusalGround = refusal.ground();
        this.refusalReasons = refusal.reasons();
        this.refusalEvidence = refusal.evidence();
        this.refusedBy = refusal.refusedBy();
    }

    Optional<Refusal> refusal() {
        return refusalGround == null ? Optional.empty()
                : Optional.of(new Refusal(refusalGround, refusalReasons, refusalEvidence, refusedBy));
    }

    void linkTo(String original) {
        requireStatus(RequestStatus.RECEIVED);
        this.duplicateOf = original;
    }

    void unlink() {
        if (duplicateOf == null) {
            throw new IllegalStateException("Request " + reference + " is not linked to another");
        }
        requireStatus(RequestStatus.RECEIVED);
        this.duplicateOf = null;
    }

    Optional<String> duplicateOf() {
        return Optional.ofNullable(duplicateOf);
    }

    Optional<Extension> extension() {
        return originalDue == null ? Optional.empty()
                : Optional.of(new Extension(originalDue, due, extendedAt, extendedBy, extensionReason, delayNotice));
    }

    private void applyDeadline(StatutoryDeadline deadline) {
        this.due = deadline.due();
        this.extendedDue = deadline.extendedDue();
        this.acknowledgeBy = deadline.acknowledgeBy();
        this.statutoryRight = deadline.statutoryRight();
    }

    private void requireStatus(RequestStatus... allowed) {
        for (RequestStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new IllegalStateException("Request " + reference + " is " + status + "; this step needs one of "
                + java.util.Arrays.toString(allowed));
    }

    RequestDetails toDetails(boolean verificationRequired, PersonalFields fields) {
        SubjectIdentity subject = new SubjectIdentity(fields.open(subjectEmailSealed, PersonalFields.SUBJECT_EMAIL),
                fields.open(subjectNameSealed, PersonalFields.SUBJECT_NAME),
                fields.open(subjectAccountIdSealed, PersonalFields.SUBJECT_ACCOUNT_ID));
        return new RequestDetails(reference, type, regime, subject, fields.open(detailsSealed, PersonalFields.DETAILS),
                channel, receivedAt, clockStartedAt, due, extendedDue, acknowledgeBy, statutoryRight,
                verificationRequired, status, outcome, closedAt, Locale.forLanguageTag(language));
    }

    /** The request as a line of the staff list: nothing needs opening. */
    RequestSummary toSummary() {
        return new RequestSummary(reference, type, regime, receivedAt, due, status, outcome);
    }

    /** The request without the person, for the records: nothing needs opening. */
    RequestRecord toRecord() {
        return new RequestRecord(reference, type, regime, channel, receivedAt, closedAt, outcome);
    }

    String reference() {
        return reference;
    }

    String submittedByApiKey() {
        return submittedByApiKey;
    }

    SealedCorrections.Sealed sealedCorrections() {
        return correctionsSealed == null ? null : new SealedCorrections.Sealed(correctionsKeyId, correctionsSealed);
    }

    String statusTokenSalt() {
        return statusTokenSalt;
    }

    RequestType type() {
        return type;
    }

    Regime regime() {
        return regime;
    }

    RequestStatus status() {
        return status;
    }

    /** Whether the request's law grants the type asked for (false: handled voluntarily, docs/legal-rules.md#not-granted). */
    boolean statutoryRight() {
        return statutoryRight;
    }

    LocalDate due() {
        return due;
    }
}
