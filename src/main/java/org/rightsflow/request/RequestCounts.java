package org.rightsflow.request;

import java.util.List;
import org.rightsflow.deadline.Regime;

/**
 * Requests counted for operators ({@link RequestDirectory#counts}): numbers only, no reference, no subject.
 *
 * @param byStatusAndRegime every request, per status and regime (pairs with no request are absent)
 * @param dueSoon           not yet answered and due within the asked number of days, today included
 * @param overdue           not yet answered and past the due date (extensions counted)
 */
public record RequestCounts(List<Count> byStatusAndRegime, long dueSoon, long overdue) {

    public record Count(RequestStatus status, Regime regime, long count) {
    }
}
