package org.rightsflow.optout;

import java.time.Instant;
import java.time.LocalDate;

/** A batch of opt-outs as staff see it. */
public record BatchView(long id, String reference, Purpose purpose, BatchStatus status, int size, LocalDate dueOn,
                        Instant createdAt, Instant completedAt) {

    /** Not carried out everywhere by the end of its due date (in the statutory clock's zone). */
    public boolean lateOn(LocalDate today) {
        return completedAt == null ? today.isAfter(dueOn) : false;
    }
}
