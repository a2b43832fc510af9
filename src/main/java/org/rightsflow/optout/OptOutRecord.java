package org.rightsflow.optout;

import java.time.Instant;
import java.time.LocalDate;
import org.rightsflow.deadline.Regime;

/**
 * One opt-out as the request records keep it: when it was received, by when and when it was carried out in every
 * system (null while its batch is on its way). No personal data.
 */
public record OptOutRecord(Purpose purpose, SignalSource source, Regime regime, Instant receivedAt, LocalDate dueOn,
                           Instant carriedOutAt) {
}
