package org.rightsflow.audit;

/**
 * What happened to a request. {@link #shownToSubject()} decides what the customer sees on the status page;
 * everything is shown to staff.
 */
public enum TimelineKind {
    SUBMITTED(true),
    ACKNOWLEDGED(true),
    VERIFICATION_SENT(true),
    VERIFIED(true),
    VERIFICATION_EXPIRED(true),
    FULFILMENT_STARTED(true),
    TASK_CREATED(false),
    TASK_ASSIGNED(false),
    TASK_COMPLETED(false),
    SYSTEM_COMPLETED(true),
    /** A connector step in a system: dry run, erasure with its proof, access, opt-out, a call to a system. */
    SYSTEM_STEP(false),
    /** An erasure approved or refused by staff after its dry run. */
    ERASURE_DECIDED(false),
    /** A privacy officer accepted or refused each field of a correction claim (the subject sees which, and why). */
    CORRECTION_REVIEWED(true),
    /** How the officer checked the claim, with data other than the data being corrected (CCPA §7061). */
    CORRECTION_CHECKED(false),
    /** A processor was asked, reminded, confirmed, or is overdue. */
    PROCESSOR_CONTACTED(false),
    /** A system that should call back has not; or the step raised an incident. */
    SYSTEM_LATE(false),
    /** Staff left something out of an access package, with the reason (the subject reads it in the package). */
    PACKAGE_ITEM_EXCLUDED(false),
    /** The access package is assembled, sealed and downloadable. */
    PACKAGE_READY(true),
    /** A one-time download code was emailed to the subject. */
    DOWNLOAD_CODE_SENT(true),
    /** A download code or link was refused: wrong, expired, used, or too many attempts. */
    DOWNLOAD_REFUSED(false),
    /** The subject downloaded the package. */
    PACKAGE_DOWNLOADED(true),
    /** The package expired and was deleted, with the data gathered for it. */
    PACKAGE_DELETED(true),
    /** The statutory period was extended, with the reason the subject is told. */
    DEADLINE_EXTENDED(true),
    /** Staff asked the subject for clarification and the clock stopped. */
    CLOCK_PAUSED(true),
    /** The subject answered and the clock runs again, with the due date moved. */
    CLOCK_RESUMED(true),
    /** Staff refused the request as a whole; the reasons are what the subject was told. */
    REFUSED(true),
    /** The evidence behind a refusal as manifestly unfounded or excessive (staff only). */
    REFUSAL_EVIDENCE(false),
    /** The subject appealed the decision. */
    APPEALED(true),
    /** The appeal was decided (by someone other than who made the original decision). */
    APPEAL_DECIDED(true),
    /** A duplicate of an open request of the same kind: answered with it. */
    DUPLICATE_LINKED(true),
    /** Staff unlinked a duplicate: it runs on its own. */
    DUPLICATE_UNLINKED(true),
    MESSAGE_QUEUED(false),
    MESSAGE_SENT(false),
    MESSAGE_FAILED(false),
    REMINDER_SENT(false),
    ESCALATED(false),
    RESPONDED(true),
    CLOSED(true);

    private final boolean shownToSubject;

    TimelineKind(boolean shownToSubject) {
        this.shownToSubject = shownToSubject;
    }

    public boolean shownToSubject() {
        return shownToSubject;
    }
}
