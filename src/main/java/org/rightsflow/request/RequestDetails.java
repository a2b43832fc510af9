package org.rightsflow.request;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/**
 * A read-only snapshot of a request for other modules and the web adapters. Serializable: the portal hands it to the
 * next page as a flash attribute, which lives in the (database-backed) session.
 */
public record RequestDetails(String reference, RequestType type, Regime regime, SubjectIdentity subject, String details,
                             Channel channel, Instant receivedAt, Instant clockStartedAt, LocalDate due,
                             LocalDate extendedDue, LocalDate acknowledgeBy, boolean statutoryRight,
                             boolean verificationRequired, RequestStatus status, RequestOutcome outcome,
                             Instant closedAt) implements Serializable {

    @Override
    public String toString() {
        return "RequestDetails[" + reference + ", " + type + ", " + regime + ", " + status + "]";
    }
}
