package org.rightsflow.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every limit against abuse ({@code rightsflow.limits.*}, documented in the README). A budget of 0 means that door has
 * no limit of that kind. Budgets refill evenly over their period: 10 per hour gives one back every six minutes.
 *
 * @param mailsPerAddressPerDay how many public forms (request, opt-out, preference link, download code) may email
 *                              one address per calendar day (UTC), all forms together; a request's acknowledgement
 *                              and its verification link (or duplicate notice) count as one
 * @param requestForm           the request form: its submissions
 * @param optOutForm            the opt-out form: its submissions
 * @param preferenceLink        the preference center: the links it emails
 * @param secretLink            the pages opened by a secret link (verification, preferences, processor confirmation)
 * @param statusPage            the status page
 * @param downloadCode          an access package's download page: the codes it emails
 * @param codeEntry             an access package's download page: the codes entered
 * @param staffLogin            the staff sign-in form
 * @param apiKeyFailures        calls of the JSON API with a wrong or missing key
 * @param apiSubmissions        requests submitted through the JSON API
 * @param staffLockout          the staff sign-in back-off, per user, held in the database
 */
@Validated
@ConfigurationProperties("rightsflow.limits")
public record LimitsProperties(@NotNull @Min(1) Integer mailsPerAddressPerDay, @Valid @NotNull Rule requestForm,
                               @Valid @NotNull Rule optOutForm, @Valid @NotNull Rule preferenceLink,
                               @Valid @NotNull Rule secretLink, @Valid @NotNull Rule statusPage,
                               @Valid @NotNull Rule downloadCode, @Valid @NotNull Rule codeEntry,
                               @Valid @NotNull Rule staffLogin, @Valid @NotNull Rule apiKeyFailures,
                               @Valid @NotNull Rule apiSubmissions, @Valid @NotNull Lockout staffLockout) {

    /**
     * @param per       the period over which the budgets refill, e.g. PT1H
     * @param perClient attempts per client address (as the servlet container reports it, so behind a proxy the
     *                  forwarded address) within {@code per}
     * @param perSubject attempts per email address typed or behind the link
     * @param perKey    attempts per API key
     */
    // "@param per" comes first: the metadata processor would otherwise give it the text of "@param perClient".
    public record Rule(@PositiveOrZero int perClient, @PositiveOrZero int perSubject, @PositiveOrZero int perKey,
                       @NotNull @DurationMin(nanos = 0, inclusive = false) Duration per) {
    }

    /**
     * @param failures    wrong passwords in a row that lock the account
     * @param firstLock   how long the first lock lasts; each further wrong password after a lock doubles it
     * @param longestLock the longest a lock lasts
     */
    public record Lockout(@NotNull @Min(1) Integer failures, @NotNull @DurationMin(nanos = 0) Duration firstLock,
                          @NotNull Duration longestLock) {

        /** Not a value's shape but two values together, so checked here rather than by a constraint. */
        public Lockout {
            if (firstLock != null && longestLock != null && longestLock.compareTo(firstLock) < 0) {
                throw new IllegalArgumentException("rightsflow.limits.staff-lockout.longest-lock must be at least "
                        + "first-lock");
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
