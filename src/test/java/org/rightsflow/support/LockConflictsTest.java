package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** An action that lost a lock race runs again after a growing random pause; any other failure is not repeated. */
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

    @Test
    void thePausesBetweenAttemptsGrowAndAreRandomWithinTheirBounds() {
        for (int run = 0; run < 20; run++) {
            List<Long> pauses = new ArrayList<>();
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> LockConflicts.template(pauses::add).execute(context -> {
                attempts.incrementAndGet();
                throw new CannotAcquireLockException("Deadlock detected");
            })).isInstanceOf(CannotAcquireLockException.class);

            assertThat(attempts).hasValue(LockConflicts.ATTEMPTS);
            assertThat(pauses).as("one pause between each two attempts").hasSize(LockConflicts.ATTEMPTS - 1);
            // Exponential random back-off: the n-th pause lies between initial * 2^n and twice that.
            assertThat(pauses.get(0)).isBetween(50L, 100L);
            assertThat(pauses.get(1)).isBetween(100L, 200L);
        }
    }

    @Test
    void aFailureThatIsNoConflictIsThrownWithoutAPause() {
        List<Long> pauses = new ArrayList<>();
        assertThatThrownBy(() -> LockConflicts.template(pauses::add).execute(context -> {
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(pauses).isEmpty();
    }
}
