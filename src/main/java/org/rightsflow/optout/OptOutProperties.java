package org.rightsflow.optout;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.rightsflow.deadline.Regime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("rightsflow.opt-out")
public record OptOutProperties(@NotNull Duration batchEvery, @NotNull @Positive Integer batchSize, @NotNull Regime defaultRegime,
                               @NotNull @Positive Integer maxPerCall, @NotNull DataSize maxBodySize,
                               @NotNull Duration preferenceLinkValidFor) {
}
