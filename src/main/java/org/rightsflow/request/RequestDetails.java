package org.rightsflow.request;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.Languages;

/**
 * A read-only snapshot of a request for other modules and the web adapters. Serializable: the portal hands it to the
 * next page as a flash attribute, which lives in the (database-backed) session.
 */
public record RequestDetails(String reference, RequestType type, Regime regime, SubjectIdentity subject, String details,
                             Channel channel, Instant receivedAt, Instant clockStartedAt, LocalDate due,
                             LocalDate extendedDue, LocalDate acknowledgeBy, boolean statutoryRight,
                             boolean verificationRequired, RequestStatus status, RequestOutcome outcome,
                             Instant closedAt, Locale language) implements Serializable {

    public RequestDetails {
        language = Languages.closest(language);
    }

    /** A request in English. */
    public RequestDetails(String reference, RequestType type, Regime regime, SubjectIdentity subject, String details,
                          Channel channel, Instant receivedAt, Instant clockStartedAt, LocalDate due,
                          LocalDate extendedDue, LocalDate acknowledgeBy, boolean statutoryRight,
                          boolean verificationRequired, RequestStatus status, RequestOutcome outcome,
                          Instant closedAt) {
        this(reference, type, regime, subject, details, channel, receivedAt, clockStartedAt, due, extendedDue,
                acknowledgeBy, statutoryRight, verificationRequired, status, outcome, closedAt, Languages.ENGLISH);
    }

    @Override
    public String toString() {
        return "RequestDetails[" + reference + ", " + type + ", " + regime + ", " + status + "]";
    }
}
