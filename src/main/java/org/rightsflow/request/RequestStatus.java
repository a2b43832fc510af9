package org.rightsflow.request;

/**
 * Where a request stands. The lifecycle (docs/request-lifecycle.md):
 * RECEIVED → AWAITING_VERIFICATION → IN_PROGRESS → RESPONDED → CLOSED, with RECEIVED → IN_PROGRESS for requests
 * that need no verification and AWAITING_VERIFICATION → CLOSED when the link expires unused.
 */
public enum RequestStatus {
    RECEIVED,
    AWAITING_VERIFICATION,
    IN_PROGRESS,
    RESPONDED,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
