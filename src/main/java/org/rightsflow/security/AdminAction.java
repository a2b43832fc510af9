package org.rightsflow.security;

/** What an entry of the admin timeline records. */
public enum AdminAction {
    USER_CREATED("User created"),
    USER_EDITED("User edited"),
    USER_DEACTIVATED("User deactivated"),
    USER_REACTIVATED("User reactivated"),
    SET_PASSWORD_LINK_SENT("Set-password link sent"),
    PASSWORD_SET("Password set"),
    GROUP_CREATED("Group created"),
    GROUP_RENAMED("Group renamed"),
    GROUP_MEMBERS_CHANGED("Group members changed"),
    SYSTEM_CREATED("System created"),
    SYSTEM_IMPORTED("System imported"),
    SYSTEM_EDITED("System definition edited"),
    SYSTEM_OWNER_GROUP_CHANGED("System owner group changed"),
    SSO_USER_CREATED("User created by single sign-on"),
    SSO_ACCESS_CHANGED("Roles or groups changed by single sign-on");

    private final String label;

    AdminAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
