package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** An action that lost a lock race runs again; any other failure is not repeated. */
class LockConflictsTest {

    @Test
    void aDeadlockOrAnOptimisticConflictIsRunAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = LockConflicts.retry(() -> {
            int attempt = attempts.incrementAndGet();
            if (attempt == 1) {
                throw new IllegalStateException("wrapped", new CannotAcquireLockException("Deadlock detected"));
            }
            if (attempt == 2) {
                throw new OptimisticLockingException("stale execution");
            }
            return "recorded";
        });

        assertThat(result).isEqualTo("recorded");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aConflictThatKeepsComingIsThrownAfterThreeAttemptsAndOtherFailuresAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retry(() -> {
            attempts.incrementAndGet();
            throw new CannotAcquireLockException("Deadlock detected");
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(attempts).hasValue(3);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retry(() -> {
            once.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(once).hasValue(1);
    }
}
