package org.rightsflow.optout;

import java.time.Instant;

/** A person's current choice for one purpose, and the ledger record that made it so. */
public record ConsentState(Purpose purpose, Choice choice, SignalSource source, Instant changedAt, long recordId) {
}
