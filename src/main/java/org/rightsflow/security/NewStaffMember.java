package org.rightsflow.security;

import java.util.Set;

public record NewStaffMember(String username, String password, String displayName, String email, Set<StaffRole> roles,
                             Set<String> groups) {

    @Override
    public String toString() {
        return "NewStaffMember[" + username + "]";
    }
}
