package org.rightsflow.notification;

import java.time.Instant;
import java.util.Optional;

/**
 * The outbox's messages not yet delivered.
 *
 * @param undelivered            pending or being sent
 * @param failed                 given up after the last attempt, waiting for staff
 * @param oldestUndeliveredSince when the oldest undelivered message was written; empty when there is none
 */
public record OutboxBacklog(long undelivered, long failed, Optional<Instant> oldestUndeliveredSince) {
}
