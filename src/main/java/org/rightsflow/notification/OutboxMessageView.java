package org.rightsflow.notification;

import java.time.Instant;

/** A message as staff and the API see it. */
public record OutboxMessageView(long id, String reference, MailKind kind, String recipient, String subject, String body,
                                MessageStatus status, int attempts, Instant createdAt, Instant sentAt,
                                String lastError) {
}
