package org.rightsflow.optout;

import java.time.Instant;
import java.util.Objects;
import org.rightsflow.deadline.Regime;

/**
 * One choice as it reached us: who (by email), for which purpose, which way, how, under which law, and when.
 *
 * @param receivedAt when the subject made the choice (a forwarded GPC signal may be older than its delivery);
 *                   the statutory clock of an opt-out starts then
 */
public record Signal(String email, Purpose purpose, Choice choice, SignalSource source, Regime regime,
                     Instant receivedAt) {

    public Signal {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String toString() {
        return "Signal[" + purpose + " " + choice + " by " + source + "]";
    }
}
