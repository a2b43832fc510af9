package org.rightsflow.retention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.rightsflow.deadline.Regime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the records of a closed request are kept ({@code rightsflow.retention.*}).
 *
 * @param keepFor        how long after its closing a request's records are kept, for every law without its own
 *                       period: an ISO period, e.g. {@code P24M} (CCPA §7101 asks for at least 24 months)
 * @param perLaw         a law's own period where it differs, e.g. {@code GDPR: P36M}; laws not named keep
 *                       {@code keep-for}
 * @param cron           when the purge runs: a Spring cron expression in the statutory clock's zone, or {@code -} to
 *                       turn it off (then nothing is ever purged)
 * @param batchSize      how many requests one transaction of the purge removes
 * @param lockAtLeastFor how long the node that ran a turn keeps the cluster lock, so that no other node's trigger
 *                       of the same turn runs it again
 */
@Validated
@ConfigurationProperties("rightsflow.retention")
public record RetentionProperties(@NotNull Period keepFor, Map<Regime, Period> perLaw, @NotBlank String cron,
                                  @NotNull @Positive Integer batchSize, @NotNull Duration lockAtLeastFor) {

    public RetentionProperties {
        perLaw = perLaw == null ? Map.of() : Map.copyOf(perLaw);
        if (keepFor != null && (keepFor.isNegative() || keepFor.isZero())) {
            throw new IllegalArgumentException("rightsflow.retention.keep-for must be a positive period, e.g. P24M");
        }
        perLaw.forEach((law, period) -> {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("rightsflow.retention.per-law." + law + " must be a positive period");
            }
        });
    }
}
