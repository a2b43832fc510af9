package org.rightsflow.optout;

import java.time.Duration;
import org.rightsflow.deadline.Regime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code rightsflow.opt-out.*}: how opt-outs are batched and which law applies when a signal does not say.
 *
 * @param batchEvery    how often the waiting opt-outs are cut into a batch (each purpose its own batch)
 * @param batchSize     the most opt-outs one batch carries; more wait for the next cut
 * @param defaultRegime the law of a signal that names none (a forwarded GPC signal rarely does)
 * @param maxPerCall    the most signals one call of the bulk API may carry
 * @param maxBodySize   the largest body the bulk API reads (JSON or CSV); a larger one is refused before it is read
 * @param preferenceLinkValidFor how long an emailed preference center link works
 */
@ConfigurationProperties("rightsflow.opt-out")
public record OptOutProperties(Duration batchEvery, Integer batchSize, Regime defaultRegime, Integer maxPerCall,
                               DataSize maxBodySize, Duration preferenceLinkValidFor) {

    public OptOutProperties {
        batchEvery = batchEvery == null ? Duration.ofMinutes(5) : batchEvery;
        batchSize = batchSize == null ? 100_000 : batchSize;
        defaultRegime = defaultRegime == null ? Regime.CCPA : defaultRegime;
        maxPerCall = maxPerCall == null ? 50_000 : maxPerCall;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(16) : maxBodySize;
        preferenceLinkValidFor = preferenceLinkValidFor == null ? Duration.ofHours(24) : preferenceLinkValidFor;
        if (batchSize < 1 || maxPerCall < 1) {
            throw new IllegalArgumentException("rightsflow.opt-out.batch-size and max-per-call must be at least 1");
        }
    }
}
