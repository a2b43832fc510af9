package org.rightsflow.staff;

import java.util.List;
import org.rightsflow.security.StaffMember;
import org.rightsflow.workflow.Incidents;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Steps that need a person: failed after every retry, or waiting too long for a system. Privacy officers only. */
@Controller
class IncidentsController {

    private final Incidents incidents;

    IncidentsController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/staff/incidents")
    String list(Model model) {
        model.addAttribute("incidents", incidents.open());
        return "staff/incidents";
    }

    @PostMapping("/staff/incidents/retry")
    String retry(@RequestParam(name = "incident", required = false) List<String> selected,
                 @ModelAttribute("me") StaffMember me, RedirectAttributes redirect) {
        if (selected == null || selected.isEmpty()) {
            redirect.addFlashAttribute("error", "Select at least one incident.");
            return "redirect:/staff/incidents";
        }
        int handled = incidents.retry(selected, me.username());
        redirect.addFlashAttribute("notice", handled + " incident(s) handed back to the process.");
        return "redirect:/staff/incidents";
    }
}
