package org.rightsflow.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: who is in which group, who holds which role, and creating accounts. */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final StaffUsers users;
    private final PasswordEncoder passwords;
    private final StaffGroups groups;

    StaffDirectory(StaffUsers users, PasswordEncoder passwords, StaffGroups groups) {
        this.users = users;
        this.passwords = passwords;
        this.groups = groups;
    }

    public Optional<StaffMember> find(String username) {
        return users.findById(username).filter(StaffUser::enabled).map(StaffUser::toMember);
    }

    public List<StaffMember> membersOf(String group) {
        return users.findEnabledInGroup(group).stream().map(StaffUser::toMember).toList();
    }

    /** Everyone holding the role; asking for PRIVACY_OFFICER also returns admins only if they hold it themselves. */
    public List<StaffMember> withRole(StaffRole role) {
        return users.findEnabledWithRole(role).stream().map(StaffUser::toMember).toList();
    }

    /** Every enabled staff member, by username. */
    public List<StaffMember> everyone() {
        return users.findAll().stream().filter(StaffUser::enabled).map(StaffUser::toMember)
                .sorted(java.util.Comparator.comparing(StaffMember::username)).toList();
    }

    public boolean isEmpty() {
        return users.count() == 0;
    }

    public boolean exists(String username) {
        return users.existsById(username);
    }

    @Transactional
    public StaffMember create(NewStaffMember member) {
        if (users.existsById(member.username())) {
            throw new IllegalArgumentException("A staff account named " + member.username() + " already exists");
        }
        if (member.password() == null || member.password().isBlank()) {
            throw new IllegalArgumentException("A staff account needs a password");
        }
        // Accounts made here (demo, bootstrap, tests) bring their groups along as known groups.
        groups.makeKnown(member.groups());
        return users.save(new StaffUser(member.username(), passwords.encode(member.password()), member.displayName(),
                member.email(), member.roles(), member.groups())).toMember();
    }

    /** True when the account exists and its password is exactly the given one (used to refuse demo passwords). */
    boolean passwordIs(String username, String password) {
        return users.findById(username).map(u -> passwords.matches(password, u.passwordHash())).orElse(false);
    }
}
