package org.rightsflow.security;

/** Staff roles. ADMIN includes everything a PRIVACY_OFFICER may do. */
public enum StaffRole {
    /** Oversees every request, receives escalations. */
    PRIVACY_OFFICER,
    /** Fulfils requests in the systems of their groups; sees only those. */
    SYSTEM_OWNER,
    /** Runs the installation: users, systems, Camunda Cockpit and REST API. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
