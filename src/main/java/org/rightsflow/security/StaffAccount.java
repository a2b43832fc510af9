package org.rightsflow.security;

import java.util.Set;

/** A staff account as the administration pages see it: deactivated ones too, never the password. */
public record StaffAccount(String username, String displayName, String email, Set<StaffRole> roles,
                           Set<String> groups, boolean enabled) {

    public boolean hasRole(StaffRole role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + username + "]";
    }
}
