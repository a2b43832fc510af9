package org.rightsflow.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffUsers users;
    private final LoginLockout lockout;

    StaffUserDetailsService(StaffUsers users, LoginLockout lockout) {
        this.users = users;
        this.lockout = lockout;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        StaffUser user = users.findById(username).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return User.withUsername(user.username()).password(user.passwordHash()).authorities(authorities)
                .disabled(!user.enabled()).accountLocked(lockout.lockedUntil(user.username()).isPresent()).build();
    }
}
