package org.rightsflow.optout;

import java.time.Instant;
import java.time.LocalDate;
import org.rightsflow.deadline.Regime;

/**
 * One ledger record, without the person: what was chosen, how, when, and (for an opt-out) when the systems had to and
 * did apply it.
 *
 * @param carriedOutAt when the batch that carried this opt-out to the systems finished; null while it is on its way,
 *                     and for opt-ins (they are recorded, not carried to the systems)
 */
public record ConsentRecordView(long id, Purpose purpose, Choice choice, SignalSource source, Regime regime,
                                Instant receivedAt, LocalDate dueOn, String batchReference, Instant carriedOutAt) {
}
