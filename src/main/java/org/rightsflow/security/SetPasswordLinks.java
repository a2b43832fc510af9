package org.rightsflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.rightsflow.support.Digests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tokens of emailed set-password links. Only the SHA-256 of a token is stored (a copy of the database opens
 * nothing); a token works once, until it expires, and only while it is its person's newest link: issuing a link
 * deletes the person's older unused ones.
 */
@Component
class SetPasswordLinks {

    /** What following a link finds. {@code username} is set only for a usable link. */
    record Check(State state, String username) {
    }

    enum State { USABLE, USED, EXPIRED, UNKNOWN }

    /** A token is 43 characters; anything much longer is not one of ours and is not even hashed. */
    private static final int MAX_TOKEN = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration validFor;

    SetPasswordLinks(JdbcTemplate jdbc, Clock clock, StaffAdminProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validFor = properties.setPasswordLinkValidFor();
    }

    Duration validFor() {
        return validFor;
    }

    /** A new token for the person; their older links stop working. Call inside the transaction that mails it. */
    String issue(String username) {
        String token = Digests.randomToken(32);
        Instant now = clock.instant();
        jdbc.update("delete from staff_password_link where username = ? and used_at is null", username);
        jdbc.update("insert into staff_password_link (token_hash, username, created_at, expires_at) values (?, ?, ?, ?)",
                Digests.sha256Hex(token), username, Timestamp.from(now), Timestamp.from(now.plus(validFor)));
        return token;
    }

    Check check(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return new Check(State.UNKNOWN, null);
        }
        return jdbc.query("select l.username, l.expires_at, l.used_at, u.enabled from staff_password_link l "
                        + "join staff_user u on u.username = l.username where l.token_hash = ?",
                (row, n) -> {
                    if (row.getTimestamp(3) != null) {
                        return new Check(State.USED, null);
                    }
                    if (!row.getTimestamp(2).toInstant().isAfter(clock.instant())) {
                        return new Check(State.EXPIRED, null);
                    }
                    // A deactivated person's links open nothing; reactivating them does not revive the links.
                    return row.getBoolean(4) ? new Check(State.USABLE, row.getString(1)) : new Check(State.UNKNOWN, null);
                }, Digests.sha256Hex(token)).stream().findFirst().orElse(new Check(State.UNKNOWN, null));
    }

    /**
     * Marks the link used, if it still is usable now: of two concurrent uses exactly one succeeds.
     *
     * @return whether this call used it
     */
    boolean use(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("update staff_password_link set used_at = ? where token_hash = ? and used_at is null "
                + "and expires_at > ?", now, Digests.sha256Hex(token), now) == 1;
    }

    /** Every unused link of the person stops working (they were deactivated). */
    void revokeAll(String username) {
        jdbc.update("delete from staff_password_link where username = ? and used_at is null", username);
    }
}
