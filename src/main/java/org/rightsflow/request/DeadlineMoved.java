package org.rightsflow.request;

import java.time.LocalDate;

/**
 * Published, in the transaction that moved it, when a request's due date changes after intake (an extension): the
 * process moves its timers and task due dates, and the subject is told.
 */
public record DeadlineMoved(String reference, LocalDate previousDue, LocalDate due) {
}
