package org.rightsflow.optout;

import java.time.LocalDate;

/** Published, in the transaction that cut it, when a batch of opt-outs is ready to be carried to the systems. */
public record OptOutBatchCut(long batchId, String reference, Purpose purpose, int size, LocalDate dueOn) {
}
