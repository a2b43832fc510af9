package org.rightsflow.support;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a transactional action again when it lost a lock race (a deadlock, a lock timeout, an optimistic-locking
 * conflict): the database rolled it back whole, so running it again is safe. For the requests from outside that
 * record an answer and move a process on (a processor's confirmation, an http system's callback) while jobs of the
 * same request may be writing its timeline: the sender gets its answer instead of a server error.
 */
public final class LockConflicts {

    /** Attempts in all; conflicts are rare, and a third loss means something else is wrong. */
    static final int ATTEMPTS = 3;

    private LockConflicts() {
    }

    /** The action's result; the conflict of the last attempt is thrown. Call it outside any transaction. */
    public static <T> T retry(Supplier<T> action) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof OptimisticLockingException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
