package org.rightsflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rightsflow.limits.LimitsProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff sign-in back-off, per user and in the database so that every node sees it: after
 * {@code rightsflow.limits.staff-lockout.failures} wrong passwords in a row the account refuses every password, the
 * right one too, for the first lock; each further wrong password after a lock doubles it, up to the longest lock. A
 * successful sign-in starts the count again. A locked account is refused before its password is checked, so
 * guessing during a lock neither counts nor learns anything.
 */
@Component
class LoginLockout {

    private final JdbcTemplate jdbc;
    private final LimitsProperties.Lockout rule;
    private final Clock clock;

    LoginLockout(JdbcTemplate jdbc, LimitsProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.rule = limits.staffLockout();
        this.clock = clock;
    }

    /** Until when the account refuses every password, if it is locked now. */
    Optional<Instant> lockedUntil(String username) {
        return jdbc.query("select locked_until from staff_user where username = ?",
                        (row, n) -> row.getTimestamp(1), username).stream()
                .filter(java.util.Objects::nonNull).map(Timestamp::toInstant)
                .filter(until -> until.isAfter(clock.instant())).findFirst();
    }

    @EventListener
    @Transactional
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        String username = failure.getAuthentication().getName();
        if (jdbc.update("update staff_user set failed_logins = failed_logins + 1 where username = ?", username) == 0) {
            return; // no such user: the client's sign-in budget is all that limits guessing names
        }
        Integer failures = jdbc.queryForObject("select failed_logins from staff_user where username = ?",
                Integer.class, username);
        Duration lock = rule.lockAfter(failures == null ? 0 : failures);
        if (!lock.isZero()) {
            jdbc.update("update staff_user set locked_until = ? where username = ?",
                    Timestamp.from(clock.instant().plus(lock)), username);
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        jdbc.update("update staff_user set failed_logins = 0, locked_until = null where username = ? "
                + "and (failed_logins > 0 or locked_until is not null)", success.getAuthentication().getName());
    }
}
