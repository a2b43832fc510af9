package org.rightsflow.connector;

import java.time.LocalDate;
import java.util.List;

/**
 * One batch of opt-outs or limits of sensitive data use for one system: many people, one action, carried out in one
 * step (docs/connected-systems.md, "Batches"). Opt-outs need no verification and come in large numbers (a Global
 * Privacy Control signal per visitor), so they travel together instead of one request process per person.
 *
 * @param reference      the batch's reference, e.g. "OPT-2026-000012"; the journal records the step under it
 * @param action         {@link ConnectorAction#OPT_OUT} or {@link ConnectorAction#LIMIT_USE}
 * @param dueDate        when the batch must be carried out by, for receivers that schedule; may be null
 * @param subjects       the people, in a stable order: a retry must cut them into the same chunks
 * @param idempotencyKey the same for every attempt of this batch in this system; an http call adds the chunk number
 */
public record BatchContext(String reference, ConnectorAction action, LocalDate dueDate, List<DataSubject> subjects,
                           String idempotencyKey) {

    public BatchContext {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a batch needs its reference");
        }
        if (action != ConnectorAction.OPT_OUT && action != ConnectorAction.LIMIT_USE) {
            throw new IllegalArgumentException("a batch carries OPT_OUT or LIMIT_USE, not " + action);
        }
        if (subjects == null) {
            throw new IllegalArgumentException("a batch needs its list of people (it may be empty)");
        }
        subjects = List.copyOf(subjects);
    }

    /** The reference, the action and how many people: never who they are. */
    @Override
    public String toString() {
        return "BatchContext[" + reference + ", " + action + ", " + subjects.size()
                + (subjects.size() == 1 ? " person]" : " people]");
    }
}
