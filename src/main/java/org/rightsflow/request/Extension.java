package org.rightsflow.request;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The one extension of a request's statutory period: the due date it replaced, the new one, and when, by whom and
 * why it was decided (the reason goes to the subject with the extension notice).
 */
public record Extension(LocalDate originalDue, LocalDate newDue, Instant extendedAt, String extendedBy,
                        String reason) {
}
