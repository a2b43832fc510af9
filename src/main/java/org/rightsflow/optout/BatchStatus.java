package org.rightsflow.optout;

/** Where a batch of opt-outs stands. Lateness is not a status: it is a due date in the past while in progress. */
public enum BatchStatus {
    IN_PROGRESS,
    COMPLETED
}
