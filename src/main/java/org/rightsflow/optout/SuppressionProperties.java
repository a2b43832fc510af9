package org.rightsflow.optout;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The resurrection guard's schedule ({@code rightsflow.suppression.*}). {@link ResurrectionGuard} reads it through
 * its {@code @Scheduled} placeholder; this record declares it, so it has a description and a bad value a clear
 * message.
 *
 * @param scanCron when the guard looks in every readable system for erased or opted-out people who reappeared (a
 *                 backup restore, an ETL import) and applies the erasure or opt-out again: a Spring cron expression,
 *                 or {@code -} to turn the scan off
 */
@Validated
@ConfigurationProperties("rightsflow.suppression")
record SuppressionProperties(@NotBlank String scanCron) {
}
