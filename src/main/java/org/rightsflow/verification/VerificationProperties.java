package org.rightsflow.verification;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long an identity verification link works ({@code rightsflow.verification.*}).
 *
 * @param linkValidity how long after a request's submission its emailed verification link can be confirmed; after
 *                     that the request closes as unverified
 */
@Validated
@ConfigurationProperties("rightsflow.verification")
public record VerificationProperties(@NotNull Duration linkValidity) {
}
