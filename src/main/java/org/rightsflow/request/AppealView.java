package org.rightsflow.request;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An appeal against the decision on a request.
 *
 * @param outcome           null while the appeal waits for its decision
 * @param followUpReference for a granted appeal, the request that carries out what was first refused
 */
public record AppealView(String reference, String statement, Instant appealedAt, LocalDate dueOn, AppealOutcome outcome,
                         String explanation, String decidedBy, Instant decidedAt, String followUpReference) {

    public boolean decided() {
        return outcome != null;
    }
}
