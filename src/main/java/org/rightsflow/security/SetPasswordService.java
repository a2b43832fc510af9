package org.rightsflow.security;

import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the set-password page does with a link's token: tell whether it still works, and set the password it was
 * sent for, once, if the password keeps the {@link PasswordRules}. Setting it ends the person's sessions and their
 * sign-in back-off, and is recorded on the {@link AdminTimeline} (as done by the person, without the password).
 */
@Service
class SetPasswordService {

    /** The outcome of a try: {@code problems} says why the password was refused; {@code link} why the link was. */
    record Outcome(SetPasswordLinks.State link, List<String> problems) {

        boolean done() {
            return link == SetPasswordLinks.State.USABLE && problems.isEmpty();
        }
    }

    private final SetPasswordLinks links;
    private final StaffUsers users;
    private final PasswordEncoder passwords;
    private final AdminTimeline timeline;
    private final StaffAdministration administration;

    SetPasswordService(SetPasswordLinks links, StaffUsers users, PasswordEncoder passwords, AdminTimeline timeline,
                       StaffAdministration administration) {
        this.links = links;
        this.users = users;
        this.passwords = passwords;
        this.timeline = timeline;
        this.administration = administration;
    }

    @Transactional(readOnly = true)
    SetPasswordLinks.Check check(String token) {
        return links.check(token);
    }

    @Transactional
    Outcome set(String token, String password, String repeated) {
        SetPasswordLinks.Check check = links.check(token);
        if (check.state() != SetPasswordLinks.State.USABLE) {
            return new Outcome(check.state(), List.of());
        }
        List<String> problems = new java.util.ArrayList<>(PasswordRules.standard().problems(check.username(), password));
        if (problems.isEmpty() && !password.equals(repeated)) {
            problems.add("The two passwords are not the same.");
        }
        if (!problems.isEmpty()) {
            return new Outcome(SetPasswordLinks.State.USABLE, problems);
        }
        if (!links.use(token)) {
            // Used or expired between the check and now (two tabs): nothing was changed.
            return new Outcome(links.check(token).state() == SetPasswordLinks.State.EXPIRED
                    ? SetPasswordLinks.State.EXPIRED : SetPasswordLinks.State.USED, List.of());
        }
        StaffUser user = users.findById(check.username()).orElseThrow();
        user.changePasswordHash(passwords.encode(password));
        links.revokeAll(user.username());
        int sessions = administration.endSessions(user.username());
        users.clearLockout(user.username());
        timeline.record(user.username(), AdminAction.PASSWORD_SET, user.username(),
                "Password set with a set-password link; " + sessions + " open session(s) ended.");
        return new Outcome(SetPasswordLinks.State.USABLE, List.of());
    }
}
