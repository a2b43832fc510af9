package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rightsflow.security.InvalidStaffInput;
import org.rightsflow.security.StaffAccount;
import org.rightsflow.security.StaffAdministration;
import org.rightsflow.security.StaffGroups;
import org.rightsflow.security.StaffMember;
import org.rightsflow.security.StaffRole;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of staff accounts (ADMIN only, docs/administration.md): list, create, edit roles and groups,
 * deactivate and reactivate, send a set-password link. What is refused comes back as the same form with a 400 and
 * the reason next to the field.
 */
@Controller
class AdminUsersController {

    private final StaffAdministration administration;
    private final StaffGroups groups;

    AdminUsersController(StaffAdministration administration, StaffGroups groups) {
        this.administration = administration;
        this.groups = groups;
    }

    /** What the user form shows and sends back. */
    record UserForm(String username, String displayName, String email, Set<String> roles, Set<String> groups) {
    }

    @GetMapping("/staff/admin")
    String index() {
        return "staff/admin";
    }

    @GetMapping("/staff/admin/users")
    String users(Model model) {
        model.addAttribute("accounts", administration.accounts());
        return "staff/admin-users";
    }

    @GetMapping("/staff/admin/users/new")
    String newUser(Model model) {
        return userForm(model, new UserForm("", "", "", Set.of(), Set.of()), null, null);
    }

    @PostMapping("/staff/admin/users/new")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) List<String> groups, @ModelAttribute("me") StaffMember me,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        UserForm form = new UserForm(username, displayName, email, set(roles), set(groups));
        try {
            StaffAccount created = administration.create(new StaffAdministration.NewAccount(username, displayName,
                    email, roles(roles), set(groups)), me.username());
            redirect.addFlashAttribute("notice", "Account " + created.username() + " created. A link to choose a "
                    + "password was emailed to " + created.email() + ".");
            return "redirect:/staff/admin/users/" + created.username();
        } catch (InvalidStaffInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return userForm(model, form, null, invalid);
        }
    }

    @GetMapping("/staff/admin/users/{username}")
    String user(@PathVariable String username, Model model, HttpServletResponse response) {
        return administration.account(username)
                .map(account -> userForm(model, new UserForm(account.username(), account.displayName(), account.email(),
                        names(account.roles()), account.groups()), account, null))
                .orElseGet(() -> notFound(model, response));
    }

    @PostMapping("/staff/admin/users/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) List<String> groups, @ModelAttribute("me") StaffMember me,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffAccount account = administration.account(username).orElse(null);
        if (account == null) {
            return notFound(model, response);
        }
        UserForm form = new UserForm(username, displayName, email, set(roles), set(groups));
        try {
            administration.update(username, displayName, email, roles(roles), set(groups), me.username());
            redirect.addFlashAttribute("notice", "Saved " + username + ".");
            return "redirect:/staff/admin/users/" + username;
        } catch (InvalidStaffInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return userForm(model, form, account, invalid);
        }
    }

    @PostMapping("/staff/admin/users/{username}/deactivate")
    String deactivate(@PathVariable String username, @ModelAttribute("me") StaffMember me, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        return act(username, model, redirect, response, () -> administration.deactivate(username, me.username()),
                username + " is deactivated and signed out everywhere.");
    }

    @PostMapping("/staff/admin/users/{username}/reactivate")
    String reactivate(@PathVariable String username, @ModelAttribute("me") StaffMember me, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        return act(username, model, redirect, response, () -> administration.reactivate(username, me.username()),
                username + " is active again.");
    }

    @PostMapping("/staff/admin/users/{username}/send-link")
    String sendLink(@PathVariable String username, @ModelAttribute("me") StaffMember me, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return act(username, model, redirect, response, () -> administration.sendSetPasswordLink(username,
                me.username()), "A new set-password link was emailed to " + username + "; older links no longer work.");
    }

    private String act(String username, Model model, RedirectAttributes redirect, HttpServletResponse response,
                       Runnable action, String notice) {
        StaffAccount account = administration.account(username).orElse(null);
        if (account == null) {
            return notFound(model, response);
        }
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/staff/admin/users/" + username;
        } catch (InvalidStaffInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return userForm(model, new UserForm(account.username(), account.displayName(), account.email(),
                    names(account.roles()), account.groups()), account, invalid);
        }
    }

    private String userForm(Model model, UserForm form, StaffAccount account, InvalidStaffInput problem) {
        model.addAttribute("form", form);
        model.addAttribute("account", account);
        model.addAttribute("allRoles", StaffRole.values());
        // The account's own groups that are no known group stay selectable, so saving never drops them unasked.
        Set<String> choices = new TreeSet<>(form.groups());
        groups.all().forEach(group -> choices.add(group.name()));
        model.addAttribute("groupChoices", choices);
        model.addAttribute("groupNames", groups.all().stream().collect(java.util.stream.Collectors.toMap(
                g -> g.name(), g -> g.displayName())));
        if (problem != null) {
            model.addAttribute("problem", problem.getMessage());
            model.addAttribute("problemField", problem.field());
        }
        return "staff/admin-user";
    }

    static String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
        return "error";
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new TreeSet<>(values);
    }

    private static Set<String> names(Set<StaffRole> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(role -> names.add(role.name()));
        return names;
    }

    private static Set<StaffRole> roles(List<String> values) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String value : values == null ? List.<String>of() : values) {
            try {
                roles.add(StaffRole.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new InvalidStaffInput("roles", "There is no role named " + value.substring(0,
                        Math.min(value.length(), 40)) + ".");
            }
        }
        return roles;
    }
}
