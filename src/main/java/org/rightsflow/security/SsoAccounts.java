package org.rightsflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rightsflow.support.Digests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff account an OpenID Connect identity signs in as (docs/sso.md). The identity (issuer + subject) is linked
 * to one account, made at its first sign-in; at every sign-in the roles and groups are set from its claims, which are
 * the source of truth for such accounts, and any change is written on the {@link AdminTimeline}. Refused, with
 * nothing written: an identity whose claims map to no role, one linked to a deactivated account, a new one whose user
 * name another account already has (linking it would let whoever names themselves so at the provider take that
 * account over).
 */
@Service
class SsoAccounts {

    /** The actor of the timeline entries single sign-on writes. */
    static final String ACTOR = "single sign-on";
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final SsoProperties sso;
    private final StaffUsers users;
    private final StaffGroups groups;
    private final AdminTimeline timeline;
    private final PasswordEncoder passwords;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SsoAccounts(SsoProperties sso, StaffUsers users, StaffGroups groups, AdminTimeline timeline,
                PasswordEncoder passwords, JdbcTemplate jdbc, Clock clock) {
        this.sso = sso;
        this.users = users;
        this.groups = groups;
        this.timeline = timeline;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Signs the identity in: its account, created or brought up to date from the claims.
     *
     * @throws SsoRefused when the identity may not sign in; then nothing was written
     */
    @Transactional
    StaffMember signIn(String issuer, String subject, Map<String, Object> claims) {
        Optional<StaffUser> linked = linkedAccount(issuer, subject);
        if (linked.isPresent() && !linked.get().enabled()) {
            throw new SsoRefused(SsoRefusal.DEACTIVATED);
        }
        Set<StaffRole> roles = sso.rolesFor(SsoClaims.values(claims, sso.rolesClaim()));
        if (roles.isEmpty()) {
            throw new SsoRefused(SsoRefusal.NO_ROLE);
        }
        Set<String> memberOf = new TreeSet<>(sso.groupsFor(SsoClaims.values(claims, sso.groupsClaim())));
        // Mapped groups are named in the configuration by whoever runs the installation: they exist from their
        // first use, like the groups of the bootstrap accounts.
        groups.makeKnown(memberOf);
        StaffUser user = linked.isPresent() ? update(linked.get(), roles, memberOf, claims)
                : create(issuer, subject, roles, memberOf, claims);
        return user.toMember();
    }

    private StaffUser create(String issuer, String subject, Set<StaffRole> roles, Set<String> memberOf,
                             Map<String, Object> claims) {
        String username = username(SsoClaims.text(claims, sso.usernameClaim()));
        String email = SsoClaims.text(claims, "email");
        if (username == null || email == null || email.length() > StaffAdministration.MAX_EMAIL
                || !EMAIL.matcher(email).matches()) {
            throw new SsoRefused(SsoRefusal.INCOMPLETE_CLAIMS);
        }
        if (users.existsById(username)) {
            throw new SsoRefused(SsoRefusal.USERNAME_TAKEN);
        }
        String displayName = displayName(claims, username);
        // Such an account signs in at the provider only: nobody knows this password.
        StaffUser user = users.saveAndFlush(new StaffUser(username, passwords.encode(Digests.randomToken(32)),
                displayName, email, roles, memberOf));
        jdbc.update("insert into staff_sso_link (issuer, subject, username, linked_at) values (?, ?, ?, ?)",
                issuer, subject, username, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
        timeline.record(ACTOR, AdminAction.SSO_USER_CREATED, username, "Account created at its first single sign-on "
                + "(" + issuer + "): display name \"" + displayName + "\", email " + email + ", roles " + names(roles)
                + ", groups " + list(memberOf) + ".");
        return user;
    }

    private StaffUser update(StaffUser user, Set<StaffRole> roles, Set<String> memberOf, Map<String, Object> claims) {
        List<String> changes = new ArrayList<>();
        if (!roles.equals(Set.copyOf(user.roles()))) {
            changes.add("roles " + names(user.roles()) + " → " + names(roles));
        }
        if (!memberOf.equals(new TreeSet<>(user.groups()))) {
            changes.add("groups " + list(user.groups()) + " → " + list(memberOf));
        }
        String email = SsoClaims.text(claims, "email");
        String newEmail = email != null && email.length() <= StaffAdministration.MAX_EMAIL
                && EMAIL.matcher(email).matches() ? email : user.email();
        String newName = displayName(claims, user.displayName());
        if (!newName.equals(user.displayName())) {
            changes.add("display name \"" + user.displayName() + "\" → \"" + newName + "\"");
        }
        if (!newEmail.equals(user.email())) {
            changes.add("email " + user.email() + " → " + newEmail);
        }
        if (!changes.isEmpty()) {
            user.describe(newName, newEmail);
            user.assign(EnumSet.copyOf(roles), memberOf);
            timeline.record(ACTOR, AdminAction.SSO_ACCESS_CHANGED, user.username(), "Set from the provider's claims "
                    + "at sign-in: " + String.join("; ", changes) + ".");
        }
        return user;
    }

    private Optional<StaffUser> linkedAccount(String issuer, String subject) {
        return jdbc.queryForList("select username from staff_sso_link where issuer = ? and subject = ?", String.class,
                issuer, subject).stream().findFirst().flatMap(users::findById);
    }

    /** The claim made into a user name StaffAdministration would accept, or null when nothing usable is left. */
    static String username(String claim) {
        if (claim == null) {
            return null;
        }
        String name = claim.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        name = name.length() > 64 ? name.substring(0, 64) : name;
        return StaffAdministration.USERNAME.matcher(name).matches() ? name : null;
    }

    private String displayName(Map<String, Object> claims, String fallback) {
        String name = SsoClaims.text(claims, "name");
        if (name == null) {
            return fallback;
        }
        return name.length() > StaffAdministration.MAX_DISPLAY_NAME
                ? name.substring(0, StaffAdministration.MAX_DISPLAY_NAME) : name;
    }

    private static String names(Set<StaffRole> roles) {
        return roles.isEmpty() ? "none" : roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    private static String list(Set<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", new TreeSet<>(values));
    }
}
