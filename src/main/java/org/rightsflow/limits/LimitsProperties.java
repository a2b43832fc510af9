package org.rightsflow.limits;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every limit against abuse ({@code rightsflow.limits.*}, documented in the README). A budget of 0 means that door has
 * no limit of that kind. Budgets refill evenly over their period: 10 per hour gives one back every six minutes.
 *
 * @param mailsPerAddressPerDay how many public forms (request, opt-out, preference link, download code) may email
 *                              one address per calendar day (UTC), all forms together; a request's acknowledgement
 *                              and its verification link (or duplicate notice) count as one
 * @param staffLockout          the staff sign-in back-off, per user, held in the database
 */
@ConfigurationProperties("rightsflow.limits")
public record LimitsProperties(int mailsPerAddressPerDay, Rule requestForm, Rule optOutForm, Rule preferenceLink,
                               Rule secretLink, Rule statusPage, Rule downloadCode, Rule codeEntry, Rule staffLogin,
                               Rule apiKeyFailures, Rule apiSubmissions, Lockout staffLockout) {

    public LimitsProperties {
        if (mailsPerAddressPerDay < 1) {
            throw new IllegalArgumentException("rightsflow.limits.mails-per-address-per-day must be at least 1");
        }
        Objects.requireNonNull(staffLockout, "rightsflow.limits.staff-lockout");
        if (Stream.of(requestForm, optOutForm, preferenceLink, secretLink, statusPage, downloadCode, codeEntry,
                staffLogin, apiKeyFailures, apiSubmissions).anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("every door under rightsflow.limits needs its rule (per-client, "
                    + "per-subject, per-key, per)");
        }
    }

    /**
     * @param perClient attempts per client address (as the servlet container reports it, so behind a proxy the
     *                  forwarded address) within {@code per}
     * @param perSubject attempts per email address typed or behind the link
     * @param perKey    attempts per API key
     */
    public record Rule(int perClient, int perSubject, int perKey, Duration per) {

        public Rule {
            if (perClient < 0 || perSubject < 0 || perKey < 0) {
                throw new IllegalArgumentException("a limit cannot be negative");
            }
            if (per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a limit needs a period (per), e.g. PT1H");
            }
        }
    }

    /**
     * @param failures    wrong passwords in a row that lock the account
     * @param firstLock   how long the first lock lasts; each further wrong password after a lock doubles it
     * @param longestLock the longest a lock lasts
     */
    public record Lockout(int failures, Duration firstLock, Duration longestLock) {

        public Lockout {
            if (failures < 1 || firstLock == null || longestLock == null || firstLock.isNegative()
                    || longestLock.compareTo(firstLock) < 0) {
                throw new IllegalArgumentException("rightsflow.limits.staff-lockout needs failures >= 1 and "
                        + "first-lock <= longest-lock");
            }
        }

        /** The lock after this many consecutive failures, or zero below the threshold. */
        public Duration lockAfter(int consecutiveFailures) {
            if (consecutiveFailures < failures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(consecutiveFailures - failures, 30);
            Duration lock = firstLock.multipliedBy(1L << doublings);
            return lock.compareTo(longestLock) > 0 ? longestLock : lock;
        }
    }

    Rule rule(Limit limit) {
        return switch (limit) {
            case REQUEST_FORM -> requestForm;
            case OPT_OUT_FORM -> optOutForm;
            case PREFERENCE_LINK -> preferenceLink;
            case SECRET_LINK -> secretLink;
            case STATUS_PAGE -> statusPage;
            case DOWNLOAD_CODE -> downloadCode;
            case CODE_ENTRY -> codeEntry;
            case STAFF_LOGIN -> staffLogin;
            case API_KEY_FAILURES -> apiKeyFailures;
            case API_SUBMISSIONS -> apiSubmissions;
        };
    }
}
