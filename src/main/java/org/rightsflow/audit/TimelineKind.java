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
