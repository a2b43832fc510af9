package org.rightsflow.audit;

import java.time.Instant;

/**
 * One row of the access log as privacy officers read it.
 *
 * @param reference     the request or opt-out batch seen; null for an export of a period
 * @param detail        what exactly, where it helps and is no personal data: a task id, a table name, a period
 * @param clientAddress the client's address as the application saw it (behind a proxy, the forwarded one)
 */
public record AccessRecord(long id, Instant occurredAt, String actor, AccessKind kind, String reference,
                           String detail, String clientAddress) {
}
