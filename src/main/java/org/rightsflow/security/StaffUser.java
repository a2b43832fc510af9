package org.rightsflow.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "staff_user")
class StaffUser {

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "username"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role")
    private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_user_group", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "group_name")
    private Set<String> groups = new HashSet<>();

    protected StaffUser() {
    }

    StaffUser(String username, String passwordHash, String displayName, String email, Set<StaffRole> roles,
              Set<String> groups) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.email = email;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
        this.groups = new HashSet<>(groups);
    }

    StaffMember toMember() {
        return new StaffMember(username, displayName, email,
                roles.isEmpty() ? Set.of() : Set.copyOf(roles), Set.copyOf(groups));
    }

    StaffAccount toAccount() {
        return new StaffAccount(username, displayName, email, roles.isEmpty() ? Set.of() : Set.copyOf(roles),
                Set.copyOf(groups), enabled);
    }

    void describe(String displayName, String email) {
        this.displayName = displayName;
        this.email = email;
    }

    void assign(Set<StaffRole> roles, Set<String> groups) {
        this.roles.clear();
        this.roles.addAll(roles);
        this.groups.clear();
        this.groups.addAll(groups);
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Set<StaffRole> roles() {
        return roles;
    }

    Set<String> groups() {
        return groups;
    }
}
