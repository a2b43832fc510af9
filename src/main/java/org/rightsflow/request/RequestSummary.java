package org.rightsflow.request;

import java.time.Instant;
import java.time.LocalDate;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/** A request as a line of the staff list: no personal data, so nothing needs opening. */
public record RequestSummary(String reference, RequestType type, Regime regime, Instant receivedAt, LocalDate due,
                             RequestStatus status, RequestOutcome outcome) {
}
