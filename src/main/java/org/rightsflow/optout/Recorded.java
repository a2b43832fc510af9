package org.rightsflow.optout;

import java.time.LocalDate;

/**
 * What became of one signal of a call, by its position in the call.
 *
 * @param duplicateOf for {@link Outcome#DUPLICATE}: the position of the earlier signal of the same call for the same
 *                    person and purpose, which counts instead; otherwise null
 * @param recordId    the ledger record written, for {@link Outcome#RECORDED}; otherwise null
 * @param dueOn       for a recorded opt-out: the date by which every system must apply it; otherwise null
 * <p>Serializable: the opt-out page hands it to the next page as a flash attribute, kept in the database-backed
 * session.
 */
public record Recorded(int index, Outcome outcome, Integer duplicateOf, Long recordId, LocalDate dueOn)
        implements java.io.Serializable {

    public enum Outcome {
        /** Written to the ledger; an opt-out is queued for the systems. */
        RECORDED,
        /** The person's current choice for this purpose is already this one: nothing to record or carry out. */
        UNCHANGED,
        /** The same person and purpose appeared earlier in the same call. */
        DUPLICATE
    }
}
