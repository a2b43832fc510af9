package org.rightsflow.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * A limit is spent: answered with 429 Too Many Requests, {@code Retry-After} and, on pages, what was not done and
 * when to try again.
 */
public class LimitExceeded extends RuntimeException {

    /** Whose budget is spent; the page explains each differently. */
    public enum Scope { CLIENT, SUBJECT, KEY, DAILY_MAIL }

    private final Limit limit;
    private final Scope scope;
    private final Instant retryAt;
    private final Duration retryAfter;

    LimitExceeded(Limit limit, Scope scope, Instant now, Duration wait) {
        super(limit + " spent for this " + scope);
        this.limit = limit;
        this.scope = scope;
        // Whole seconds, rounded up: a client that waits Retry-After seconds finds the budget refilled.
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        this.retryAfter = Duration.ofSeconds(seconds);
        this.retryAt = now.plus(retryAfter);
    }

    public Limit limit() {
        return limit;
    }

    public Scope scope() {
        return scope;
    }

    /** When the next attempt will be let through. */
    public Instant retryAt() {
        return retryAt;
    }

    /** Whole minutes to wait, rounded up, for people. */
    public long retryAfterMinutes() {
        return (retryAfter.toSeconds() + 59) / 60;
    }

    /** The value of {@code Retry-After}: whole seconds, at least one. */
    public long retryAfterSeconds() {
        return retryAfter.toSeconds();
    }
}
