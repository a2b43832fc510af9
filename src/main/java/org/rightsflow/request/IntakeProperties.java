package org.rightsflow.request;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How requests entered later may be dated ({@code rightsflow.intake.*}).
 *
 * @param maxBackdating how long before its entry a request may say it was received (a letter logged late, an API
 *                      client catching up); older dates are refused as mistakes, like a request received in 1900
 */
@Validated
@ConfigurationProperties("rightsflow.intake")
public record IntakeProperties(@NotNull Period maxBackdating) {

    /** Bean Validation has no constraint for a Period's sign, so this one check stays here. */
    public IntakeProperties {
        if (maxBackdating != null && maxBackdating.isNegative()) {
            throw new IllegalArgumentException("rightsflow.intake.max-backdating must not be negative, e.g. P1Y");
        }
    }

    /** The earliest receipt a request entered now may give. */
    public Instant earliestReceivedAt(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(maxBackdating).toInstant();
    }
}
