package org.rightsflow.request;

import java.time.Instant;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/**
 * One request as the records keep it (CCPA §7101: date, nature, how made, date and nature of the response), without
 * the person.
 *
 * @param closedAt when it was answered and closed; null while open
 * @param outcome  how it ended; null while open
 */
public record RequestRecord(String reference, RequestType type, Regime regime, Channel channel, Instant receivedAt,
                            Instant closedAt, RequestOutcome outcome) {
}
