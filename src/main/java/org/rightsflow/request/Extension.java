package org.rightsflow.request;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The one extension of a request's statutory period: the due date it replaced, the new one, and when, by whom and
 * why it was decided (the reason goes to the subject with the extension notice).
 *
 * @param delayNotice true for a notice of delay to a date staff chose, where the law has no extension of set length
 *                    (docs/legal-rules.md#delay-notice); false for the law's extension
 */
public record Extension(LocalDate originalDue, LocalDate newDue, Instant extendedAt, String extendedBy,
                        String reason, boolean delayNotice) {
}
