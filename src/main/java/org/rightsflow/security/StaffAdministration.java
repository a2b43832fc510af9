package org.rightsflow.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.MailSecret;
import org.rightsflow.notification.Outbox;
import org.rightsflow.notification.OutgoingMail;
import org.rightsflow.support.Digests;
import org.rightsflow.support.PublicLinks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin does to staff accounts: create them, change their names, roles and groups, deactivate and
 * reactivate them (an account is never deleted: its name stays on timelines), and send a set-password link. No
 * password is ever chosen, shown or mailed by an admin: a new account, and anyone who forgot theirs, gets a
 * single-use, expiring link ({@link SetPasswordLinks}) and chooses the password themselves. Every change is
 * recorded on the {@link AdminTimeline}.
 */
@Service
@Transactional(readOnly = true)
public class StaffAdministration {

    /** As for group names; the demo and bootstrap accounts (admin, dpo, owner) fit it. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_EMAIL = 320;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    /** A new account as the admin's form gives it. */
    public record NewAccount(String username, String displayName, String email, Set<StaffRole> roles,
                             Set<String> groups) {
    }

    private final StaffUsers users;
    private final StaffGroups groups;
    private final SetPasswordLinks links;
    private final AdminTimeline timeline;
    private final Outbox outbox;
    private final PublicLinks publicLinks;
    private final PasswordEncoder passwords;
    private final JdbcTemplate jdbc;

    StaffAdministration(StaffUsers users, StaffGroups groups, SetPasswordLinks links, AdminTimeline timeline,
                        Outbox outbox, PublicLinks publicLinks, PasswordEncoder passwords, JdbcTemplate jdbc) {
        this.users = users;
        this.groups = groups;
        this.links = links;
        this.timeline = timeline;
        this.outbox = outbox;
        this.publicLinks = publicLinks;
        this.passwords = passwords;
        this.jdbc = jdbc;
    }

    /** Every account, deactivated ones too, by user name. */
    public List<StaffAccount> accounts() {
        return users.findAll().stream().map(StaffUser::toAccount).sorted(Comparator.comparing(StaffAccount::username))
                .toList();
    }

    public Optional<StaffAccount> account(String username) {
        return username == null ? Optional.empty() : users.findById(username).map(StaffUser::toAccount);
    }

    /** Creates the account and mails its person a link to choose their password. */
    @Transactional
    public StaffAccount create(NewAccount account, String actor) {
        String username = account.username() == null ? "" : account.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidStaffInput("username", "A user name is 2 to 64 lower-case letters, digits, '.', '_' or "
                    + "'-', starting with a letter or digit.");
        }
        if (users.existsById(username)) {
            throw new InvalidStaffInput("username", "An account named " + username + " already exists.");
        }
        String displayName = displayName(account.displayName());
        String email = email(account.email());
        Set<StaffRole> roles = roles(account.roles());
        Set<String> memberOf = knownGroups(account.groups());
        // Nobody knows this password, not even the admin: the account opens only once its person has used the link.
        StaffUser user = users.saveAndFlush(new StaffUser(username, passwords.encode(Digests.randomToken(32)), displayName,
                email,
                roles, memberOf));
        timeline.record(actor, AdminAction.USER_CREATED, username, "Account created: display name \"" + displayName
                + "\", email " + email + ", roles " + names(roles) + ", groups " + list(memberOf) + ".");
        mailLink(user, true, actor);
        return user.toAccount();
    }

    /** Changes an account's display name, email, roles and groups (its user name never changes). */
    @Transactional
    public StaffAccount update(String username, String displayName, String email, Set<StaffRole> roles,
                               Set<String> groupNames, String actor) {
        StaffUser user = load(username);
        String newName = displayName(displayName);
        String newEmail = email(email);
        Set<StaffRole> newRoles = roles(roles);
        Set<String> newGroups = knownGroupsOrKept(groupNames, user.groups());
        if (username.equals(actor) && user.roles().contains(StaffRole.ADMIN) && !newRoles.contains(StaffRole.ADMIN)) {
            throw new InvalidStaffInput("roles", "You cannot take the ADMIN role from your own account: another admin "
                    + "has to.");
        }
        List<String> changes = new ArrayList<>();
        if (!newName.equals(user.displayName())) {
            changes.add("display name \"" + user.displayName() + "\" → \"" + newName + "\"");
        }
        if (!newEmail.equals(user.email())) {
            changes.add("email " + user.email() + " → " + newEmail);
        }
        if (!newRoles.equals(Set.copyOf(user.roles()))) {
            changes.add("roles " + names(user.roles()) + " → " + names(newRoles));
        }
        if (!newGroups.equals(new TreeSet<>(user.groups()))) {
            changes.add("groups " + list(user.groups()) + " → " + list(newGroups));
        }
        if (changes.isEmpty()) {
            return user.toAccount();
        }
        user.describe(newName, newEmail);
        user.assign(newRoles, newGroups);
        timeline.record(actor, AdminAction.USER_EDITED, username, "Changed: " + String.join("; ", changes) + ".");
        return user.toAccount();
    }

    /**
     * Deactivates the account: it cannot sign in, its sessions are deleted (so a browser that is signed in is signed
     * out at its next request, on every node), and its unused set-password links stop working.
     */
    @Transactional
    public StaffAccount deactivate(String username, String actor) {
        StaffUser user = load(username);
        if (username.equals(actor)) {
            throw new InvalidStaffInput("username", "You cannot deactivate your own account: another admin has to.");
        }
        if (user.enabled()) {
            user.enable(false);
            links.revokeAll(username);
            int sessions = endSessions(username);
            timeline.record(actor, AdminAction.USER_DEACTIVATED, username, "Account deactivated; " + sessions
                    + " open session(s) ended.");
        }
        return user.toAccount();
    }

    @Transactional
    public StaffAccount reactivate(String username, String actor) {
        StaffUser user = load(username);
        if (!user.enabled()) {
            user.enable(true);
            timeline.record(actor, AdminAction.USER_REACTIVATED, username, "Account reactivated.");
        }
        return user.toAccount();
    }

    /** Mails the person a new set-password link; their older links stop working. Their password stays until used. */
    @Transactional
    public void sendSetPasswordLink(String username, String actor) {
        StaffUser user = load(username);
        if (!user.enabled()) {
            throw new InvalidStaffInput("username", "The account is deactivated: reactivate it first.");
        }
        mailLink(user, false, actor);
    }

    /** Deletes the person's sessions in the session store (security/SessionStore): they sign in again. */
    int endSessions(String username) {
        return jdbc.update("delete from spring_session where principal_name = ?", username);
    }

    private void mailLink(StaffUser user, boolean newAccount, String actor) {
        String token = links.issue(user.username());
        Map<String, Object> model = new HashMap<>();
        model.put("staffName", user.displayName());
        model.put("username", user.username());
        model.put("newAccount", newAccount);
        model.put("validHours", links.validFor().toHours());
        model.put("setPasswordUrl", MailSecret.setPasswordLink(publicLinks.staffSetPassword(token)));
        model.put("loginUrl", publicLinks.staffLogin());
        outbox.queue(new OutgoingMail(null, MailKind.STAFF_SET_PASSWORD, user.email(), model));
        timeline.record(actor, AdminAction.SET_PASSWORD_LINK_SENT, user.username(), "Set-password link emailed to "
                + user.email() + ", valid for " + links.validFor().toHours() + " hours; older links stop working.");
    }

    private StaffUser load(String username) {
        return users.findById(username == null ? "" : username)
                .orElseThrow(() -> new InvalidStaffInput("username", "There is no account named " + username + "."));
    }

    private static String displayName(String requested) {
        String value = requested == null ? "" : requested.strip();
        if (value.isEmpty()) {
            throw new InvalidStaffInput("displayName", "Give the person's name as colleagues should see it.");
        }
        if (value.length() > MAX_DISPLAY_NAME) {
            throw new InvalidStaffInput("displayName", "A display name is at most " + MAX_DISPLAY_NAME + " characters.");
        }
        return value;
    }

    private static String email(String requested) {
        String value = requested == null ? "" : requested.strip();
        if (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches()) {
            throw new InvalidStaffInput("email", "Give an email address such as name@example.com (at most "
                    + MAX_EMAIL + " characters).");
        }
        return value;
    }

    private static Set<StaffRole> roles(Set<StaffRole> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidStaffInput("roles", "Choose at least one role.");
        }
        return EnumSet.copyOf(requested);
    }

    private Set<String> knownGroups(Set<String> requested) {
        Set<String> result = new TreeSet<>(requested == null ? Set.of() : requested);
        for (String group : result) {
            if (!groups.exists(group)) {
                throw new InvalidStaffInput("groups", "There is no group named " + group + ": create it first.");
            }
        }
        return result;
    }

    /** Known groups, and groups the account already had that are not known groups (old data stays as it was). */
    private Set<String> knownGroupsOrKept(Set<String> requested, Set<String> current) {
        Set<String> result = new TreeSet<>(requested == null ? Set.of() : requested);
        for (String group : result) {
            if (!current.contains(group) && !groups.exists(group)) {
                throw new InvalidStaffInput("groups", "There is no group named " + group + ": create it first.");
            }
        }
        return result;
    }

    private static String names(Set<StaffRole> roles) {
        return roles.isEmpty() ? "none" : roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    private static String list(Set<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", new TreeSet<>(values));
    }
}
