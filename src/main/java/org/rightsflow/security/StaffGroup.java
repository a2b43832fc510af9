package org.rightsflow.security;

import java.time.Instant;
import java.util.List;

/**
 * A known staff group.
 *
 * @param name        its key, which never changes: what accounts' groups, systems' owner groups and tasks hold
 * @param displayName what people call it; renaming a group changes this only
 * @param members     the user names of its members, deactivated ones included, in order
 */
public record StaffGroup(String name, String displayName, Instant createdAt, List<String> members) {
}
