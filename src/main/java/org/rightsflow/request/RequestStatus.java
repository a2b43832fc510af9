package org.rightsflow.request;

import java.util.Arrays;
import java.util.List;

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

    /** Not yet answered: the statutory clock still runs against the request. */
    public boolean isAwaitingAnswer() {
        return this == RECEIVED || this == AWAITING_VERIFICATION || this == IN_PROGRESS;
    }

    static List<RequestStatus> awaitingAnswer() {
        return Arrays.stream(values()).filter(RequestStatus::isAwaitingAnswer).toList();
    }
}
