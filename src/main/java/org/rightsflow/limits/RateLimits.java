package org.rightsflow.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rightsflow.limits.LimitExceeded.Scope;
import org.rightsflow.limits.LimitsProperties.Rule;
import org.rightsflow.support.SubjectHashes;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The budgets: each look spends one attempt (or checks that one is left) and says whether it may go ahead. Buckets
 * are keyed by the limit, its configured size and a keyed hash of the address or key ({@link SubjectHashes}), so the
 * store never holds an address in clear and a changed setting starts fresh buckets.
 */
@Service
public class RateLimits {

    private final BucketStore store;
    private final LimitsProperties properties;
    private final SubjectHashes hashes;
    private final Clock clock;

    RateLimits(BucketStore store, LimitsProperties properties, SubjectHashes hashes, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.hashes = hashes;
        this.clock = clock;
    }

    /** Spends one attempt of the client address's budget at this door. */
    public Verdict client(Limit limit, String clientAddress) {
        Rule rule = properties.rule(limit);
        return spend(limit, Scope.CLIENT, clientAddress, rule.perClient(), rule.per());
    }

    /** Whether the client address has an attempt left at this door, without spending it (spent on failures only). */
    public Verdict clientHasLeft(Limit limit, String clientAddress) {
        Rule rule = properties.rule(limit);
        if (rule.perClient() == 0) {
            return Verdict.ALLOWED;
        }
        EstimationProbe probe = bucket(limit, Scope.CLIENT, clientAddress, rule.perClient(), rule.per())
                .estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Verdict.ALLOWED
                : refused(limit, Scope.CLIENT, probe.getNanosToWaitForRefill());
    }

    /** Spends one attempt of the budget of the email address typed into (or behind) this door. */
    public Verdict subject(Limit limit, String email) {
        Rule rule = properties.rule(limit);
        return spend(limit, Scope.SUBJECT, email, rule.perSubject(), rule.per());
    }

    /** Spends one attempt of the API key's budget at this door. */
    public Verdict key(Limit limit, String keyName) {
        Rule rule = properties.rule(limit);
        return spend(limit, Scope.KEY, keyName, rule.perKey(), rule.per());
    }

    /**
     * Spends one of today's emails to this address from the public forms, all forms together ({@code door} is the
     * form asking, for the page that explains a refusal). The day is the UTC
     * calendar day: the budget is whole again at midnight.
     */
    public Verdict mailTo(Limit door, String email) {
        ConsumptionProbe probe = dailyMail(email).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED
                : refused(door, Scope.DAILY_MAIL, probe.getNanosToWaitForRefill());
    }

    /**
     * Gives back the email {@link #mailTo} spent when the form then sent none (a download code refused because the
     * answer is not ready, or too many codes today): a refusal must not use up the day's mail of the person.
     */
    public void mailNotSent(String email) {
        dailyMail(email).addTokens(1); // never above the day's budget: Bucket4j caps at the capacity
    }

    private Bucket dailyMail(String email) {
        int perDay = properties.mailsPerAddressPerDay();
        String key = "daily_mail:" + perDay + ":" + hashes.ofEmail(email);
        return store.bucket(key, () -> {
            Instant nextMidnight = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            return BucketConfiguration.builder().addLimit(limit -> limit.capacity(perDay)
                    .refillIntervallyAligned(perDay, Duration.ofDays(1), nextMidnight)).build();
        });
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    @SchedulerLock(name = "rate-limit-cleanup")
    void forgetIdleBuckets() {
        store.forgetIdle();
    }

    private Verdict spend(Limit limit, Scope scope, String who, int capacity, Duration per) {
        if (capacity == 0) {
            return Verdict.ALLOWED;
        }
        ConsumptionProbe probe = bucket(limit, scope, who, capacity, per).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED : refused(limit, scope, probe.getNanosToWaitForRefill());
    }

    private Bucket bucket(Limit limit, Scope scope, String who, int capacity, Duration per) {
        String key = limit.name().toLowerCase() + ":" + scope.name().toLowerCase() + ":" + capacity + "/"
                + per.toSeconds() + ":" + hashes.ofEmail(who);
        return store.bucket(key, () -> BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(capacity).refillGreedy(capacity, per)).build());
    }

    private Verdict refused(Limit limit, Scope scope, long nanosToWait) {
        return new Verdict(new LimitExceeded(limit, scope, clock.instant(), Duration.ofNanos(nanosToWait)));
    }
}
