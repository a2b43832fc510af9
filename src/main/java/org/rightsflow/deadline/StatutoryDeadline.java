package org.rightsflow.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The dates the law sets for one request.
 *
 * @param regime         the law the request is handled under
 * @param type           what was requested
 * @param clockStart     the date the clock started (the day of receipt, or for UK GDPR possibly the day the requested
 *                       ID arrived; see {@link RegimePolicy#clockStartsOnVerification()})
 * @param due            the last day to act on the request
 * @param extendedDue    the last day if the permitted extension is used; equal to {@code due} when the regime allows
 *                       no extension
 * @param acknowledgeBy  the last day to confirm receipt, or {@code null} when the regime requires no acknowledgement
 * @param statutoryRight {@code false} when the regime grants no such right; the dates then follow the regime's general
 *                       period so that a company can still honour the request voluntarily
 * @param source         the citation the dates come from, e.g. "GDPR Art. 12(3); Reg. (EEC, Euratom) 1182/71 Art. 3"
 */
public record StatutoryDeadline(Regime regime, RequestType type, LocalDate clockStart,
                                LocalDate due, LocalDate extendedDue, LocalDate acknowledgeBy,
                                boolean statutoryRight, String source) {

    public StatutoryDeadline {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clockStart, "clockStart");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(extendedDue, "extendedDue");
        Objects.requireNonNull(source, "source");
        if (extendedDue.isBefore(due)) {
            throw new IllegalArgumentException("extendedDue " + extendedDue + " is before due " + due);
        }
    }

    /** Whether the regime allows the period to be extended for this request. */
    public boolean extensionAllowed() {
        return !extendedDue.equals(due);
    }
}
