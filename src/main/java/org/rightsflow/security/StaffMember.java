package org.rightsflow.security;

import java.util.Collection;
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

    /**
     * Whether this person sees a task: privacy officers and admins see every task, everyone else the tasks assigned
     * to them and those offered to one of their groups.
     *
     * @param assignee        who holds the task; null while nobody has claimed it
     * @param candidateGroups the groups the task is offered to
     */
    public boolean maySeeTask(String assignee, Collection<String> candidateGroups) {
        return overseesAllRequests() || username.equals(assignee) || candidateGroups.stream().anyMatch(groups::contains);
    }

    /** Whether this person may work on a task held by {@code assignee}: nobody holds it yet, or they do. */
    public boolean mayWorkOnTask(String assignee) {
        return assignee == null || assignee.equals(username);
    }

    /** Whether this person may hand a task held by {@code assignee} back to its groups: its assignee, or an officer. */
    public boolean mayReleaseTask(String assignee) {
        return username.equals(assignee) || overseesAllRequests();
    }

    @Override
    public String toString() {
        return "StaffMember[" + username + "]";
    }
}
