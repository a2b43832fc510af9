package org.rightsflow.support;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.ThreadWaitSleeper;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;

/**
 * Runs a transactional action again when it lost a lock race (a deadlock, a lock timeout, an optimistic-locking
 * conflict): the database rolled it back whole, so running it again is safe. For the requests from outside that
 * record an answer and move a process on (a processor's confirmation, an http system's callback) while jobs of the
 * same request may be writing its timeline: the sender gets its answer instead of a server error.
 *
 * <p>Between attempts it waits a random, growing pause (Spring Retry's exponential random back-off): two writers
 * that collided and retried at once would collide again, a random pause lets one of them go first.
 */
public final class LockConflicts {

    /** Attempts in all; conflicts are rare, and a third loss means something else is wrong. */
    static final int ATTEMPTS = 3;
    /** The first pause; the one after it is twice as long on average, each stretched by up to the multiplier. */
    static final long INITIAL_PAUSE_MILLIS = 50;
    static final double MULTIPLIER = 2.0;
    /** A web request waits for this; it never waits longer than a few pauses of this size. */
    static final long MAX_PAUSE_MILLIS = 1_000;

    private static final RetryTemplate RETRY = template(new ThreadWaitSleeper());

    private LockConflicts() {
    }

    /** The action's result; the conflict of the last attempt is thrown. Call it outside any transaction. */
    public static <T> T retry(Supplier<T> action) {
        return RETRY.execute(context -> action.get());
    }

    /** The retry template, pausing through the given sleeper (a test records the pauses instead of waiting). */
    static RetryTemplate template(Sleeper sleeper) {
        ExponentialRandomBackOffPolicy backOff = new ExponentialRandomBackOffPolicy();
        backOff.setInitialInterval(INITIAL_PAUSE_MILLIS);
        backOff.setMultiplier(MULTIPLIER);
        backOff.setMaxInterval(MAX_PAUSE_MILLIS);
        backOff.setSleeper(sleeper);
        return RetryTemplate.builder()
                // Conflicts are recognised among the causes too: JPA and Camunda wrap the driver's exception.
                .customPolicy(new SimpleRetryPolicy(ATTEMPTS, Map.of(ConcurrencyFailureException.class, true,
                        OptimisticLockingException.class, true), true))
                .customBackoff(backOff)
                .build();
    }
}
