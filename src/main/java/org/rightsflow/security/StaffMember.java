package org.rightsflow.security;

import java.util.Set;

/** A staff account as other modules see it (never its password). */
public record StaffMember(String username, String displayName, String email, Set<StaffRole> roles, Set<String> groups) {

    /** Privacy officers and admins oversee every request. */
    public boolean overseesAllRequests() {
        return roles.contains(StaffRole.PRIVACY_OFFICER) || roles.contains(StaffRole.ADMIN);
    }

    public boolean hasRole(StaffRole role) {
        return roles.contains(role) || (role == StaffRole.PRIVACY_OFFICER && roles.contains(StaffRole.ADMIN));
    }

    @Override
    public String toString() {
        return "StaffMember[" + username + "]";
    }
}
