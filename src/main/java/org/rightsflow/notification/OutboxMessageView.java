package org.rightsflow.notification;

import java.time.Instant;

/**
 * A message as staff and the API see it. {@code body} is the staff copy: each link or code that lets its holder act
 * as the recipient is replaced by its label in brackets ("[one-time verification link]"); only the recipient's
 * mailbox ever holds the real values.
 */
public record OutboxMessageView(long id, String reference, MailKind kind, String recipient, String subject, String body,
                                MessageStatus status, int attempts, Instant createdAt, Instant sentAt,
                                String lastError) {
}
