package org.rightsflow.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The morning digest's schedule ({@code rightsflow.digest.*}). {@link MorningDigest} reads it through its
 * {@code @Scheduled} placeholder; this record declares it, so it has a description and a blank value a clear message.
 *
 * @param cron           when each staff member gets the digest of the tasks due within the week: a Spring cron
 *                       expression in the statutory clock's zone ({@code rightsflow.clock.zone}), or {@code -} to
 *                       turn it off
 * @param lockAtLeastFor how long the node that sends a turn's digest keeps the cluster lock, however quickly it was
 *                       done: every node's trigger of that turn that fires within it (a busy scheduler, a clock
 *                       behind) finds the turn taken. Shorter than the time between two turns.
 */
@Validated
@ConfigurationProperties("rightsflow.digest")
record DigestProperties(@NotBlank String cron, @NotNull Duration lockAtLeastFor) {
}
