package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.security.InvalidStaffInput;
import org.rightsflow.security.StaffAdministration;
import org.rightsflow.security.StaffGroup;
import org.rightsflow.security.StaffGroups;
import org.rightsflow.security.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of staff groups (ADMIN only): list and create them, rename them (the display name: a group's key
 * never changes, see {@link StaffGroups}) and choose their members. Each group's page also lists the systems it owns.
 */
@Controller
class AdminGroupsController {

    private final StaffGroups groups;
    private final StaffAdministration administration;
    private final SystemRegistry systems;

    AdminGroupsController(StaffGroups groups, StaffAdministration administration, SystemRegistry systems) {
        this.groups = groups;
        this.administration = administration;
        this.systems = systems;
    }

    @GetMapping("/staff/admin/groups")
    String list(Model model) {
        return listPage(model, "", "", null);
    }

    @PostMapping("/staff/admin/groups")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String displayName,
                  @ModelAttribute("me") StaffMember me, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            StaffGroup group = groups.create(name, displayName, me.username());
            redirect.addFlashAttribute("notice", "Group " + group.name() + " created. Choose its members below.");
            return "redirect:/staff/admin/groups/" + group.name();
        } catch (InvalidStaffInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listPage(model, name, displayName, invalid);
        }
    }

    @GetMapping("/staff/admin/groups/{name}")
    String group(@PathVariable String name, Model model, HttpServletResponse response) {
        return groups.find(name).map(group -> groupPage(model, group, group.displayName(), group.members(), null))
                .orElseGet(() -> AdminUsersController.notFound(model, response));
    }

    @PostMapping("/staff/admin/groups/{name}/rename")
    String rename(@PathVariable String name, @RequestParam(defaultValue = "") String displayName,
                  @ModelAttribute("me") StaffMember me, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        StaffGroup group = groups.find(name).orElse(null);
        if (group == null) {
            return AdminUsersController.notFound(model, response);
        }
        try {
            groups.rename(name, displayName, me.username());
            redirect.addFlashAttribute("notice", "Group " + name + " is now shown as " + displayName.strip() + ".");
            return "redirect:/staff/admin/groups/" + name;
        } catch (InvalidStaffInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return groupPage(model, group, displayName, group.members(), invalid);
        }
    }

    @PostMapping("/staff/admin/groups/{name}/members")
    String members(@PathVariable String name, @RequestParam(required = false) List<String> members,
                   @ModelAttribute("me") StaffMember me, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        StaffGroup group = groups.find(name).orElse(null);
        if (group == null) {
            return AdminUsersController.notFound(model, response);
        }
        List<String> chosen = members == null ? List.of() : members;
        try {
            groups.setMembers(name, chosen, me.username());
            redirect.addFlashAttribute("notice", "Members of " + name + " saved.");
            return "redirect:/staff/admin/groups/" + name;
        } catch (InvalidStaffInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return groupPage(model, group, group.displayName(), chosen, invalid);
        }
    }

    private String listPage(Model model, String name, String displayName, InvalidStaffInput problem) {
        model.addAttribute("groups", groups.all());
        model.addAttribute("name", name);
        model.addAttribute("displayName", displayName);
        problem(model, problem);
        return "staff/admin-groups";
    }

    private String groupPage(Model model, StaffGroup group, String displayName, List<String> members,
                             InvalidStaffInput problem) {
        model.addAttribute("group", group);
        model.addAttribute("displayName", displayName);
        model.addAttribute("members", members);
        model.addAttribute("accounts", administration.accounts());
        model.addAttribute("systems", systems.all().stream().filter(s -> s.ownerGroup().equals(group.name()))
                .map(SystemView::name).toList());
        problem(model, problem);
        return "staff/admin-group";
    }

    private static void problem(Model model, InvalidStaffInput problem) {
        if (problem != null) {
            model.addAttribute("problem", problem.getMessage());
            model.addAttribute("problemField", problem.field());
        }
    }
}
