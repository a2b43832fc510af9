package org.rightsflow.security;

import java.time.Instant;

/**
 * One entry of the admin timeline.
 *
 * @param subject     what was changed: a user name, a group name, a system key
 * @param description what changed, in words; never a password or a token
 */
public record AdminEvent(long id, Instant occurredAt, String actor, AdminAction action, String subject,
                         String description) {
}
