package org.rightsflow.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rightsflow.deadline.RequestType;

/**
 * A fulfilment task as the staff inbox shows it.
 *
 * @param daysLeft calendar days from today to the due date in the clock's zone; negative when overdue
 */
public record InboxTask(String id, Kind kind, String name, String reference, String requestType, String regime,
                        long systemId, String systemName, String instructions, LocalDate due, long daysLeft,
                        String assignee, List<String> candidateGroups, Instant created, Long erasurePlanStepId) {

    /** What the task asks of staff. */
    public enum Kind {
        /** Carry the request out in the system by hand and say what was done. */
        FULFIL,
        /** Look at the dry run of an erasure and approve it, or refuse it with a reason. */
        APPROVE_ERASURE,
        /** Check a correction claim and accept or refuse each field (privacy officers). */
        REVIEW_CORRECTION,
        /** Decide the subject's appeal against a decision (a privacy officer who did not take it). */
        DECIDE_APPEAL,
        /** Apply a batch of opt-outs by hand in a system whose connector cannot take batches (its owners). */
        APPLY_OPT_OUTS,
        /** Look at an access package before release and leave out what must not be disclosed (privacy officers). */
        REVIEW_PACKAGE
    }

    /** A task of an opt-out batch, whose reference is the batch's, not a request's. */
    public boolean ofBatch() {
        return kind == Kind.APPLY_OPT_OUTS;
    }

    public boolean overdue() {
        return daysLeft < 0;
    }

    /** Whether the owner may attach what they found: a request answered with a package, fulfilled by hand. */
    public boolean acceptsUpload() {
        return kind == Kind.FULFIL && RequestType.valueOf(requestType).asksForCopy();
    }
}
