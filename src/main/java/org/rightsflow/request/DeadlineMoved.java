package org.rightsflow.request;

import java.time.LocalDate;

/**
 * Published, in the transaction that moved it, when a request's due date changes after intake: the process moves its
 * timers and task due dates, and for an extension the subject gets the notice.
 */
public record DeadlineMoved(String reference, LocalDate previousDue, LocalDate due, Cause cause) {

    public enum Cause {
        /** Staff extended the period (the subject is sent the extension notice). */
        EXTENDED,
        /** The subject answered while the clock was paused: the period is longer by the days it stood still. */
        RESUMED
    }
}
