package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.deadline.HolidayCalendarEditor;
import org.rightsflow.deadline.HolidayCalendarView;
import org.rightsflow.security.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The holiday calendars for admins: coverage at a glance, and each calendar's YAML to extend with the next year or
 * correct. Every save is checked like a shipped calendar and recorded, with the dates it added and removed, on the
 * calendar's own timeline ({@code CAL-<id>}).
 */
@Controller
class CalendarsController {

    private final HolidayCalendarEditor editor;
    private final Timeline timeline;
    private final TransactionTemplate transaction;

    CalendarsController(HolidayCalendarEditor editor, Timeline timeline, TransactionTemplate transaction) {
        this.editor = editor;
        this.timeline = timeline;
        this.transaction = transaction;
    }

    @GetMapping("/staff/calendars")
    String list(Model model) {
        model.addAttribute("calendars", editor.calendars());
        model.addAttribute("editable", editor.editable());
        return "staff/calendars";
    }

    @GetMapping("/staff/calendars/{id}")
    String calendar(@PathVariable String id, Model model, HttpServletResponse response) {
        return show(id, null, model, response);
    }

    @PostMapping("/staff/calendars/{id}")
    String save(@PathVariable String id, @RequestParam(required = false) String yaml,
                @ModelAttribute("me") StaffMember me, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        if (find(id) == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "staff/request-not-found";
        }
        try {
            HolidayCalendarEditor.Change change = editor.save(id, yaml);
            transaction.executeWithoutResult(status -> timeline.record("CAL-" + id, me.username(),
                    TimelineKind.SYSTEM_STEP, "Calendar saved; holidays added: " + change.added() + "; removed: "
                            + change.removed() + "; covers to " + change.coverageTo() + "."));
            redirect.addFlashAttribute("notice", "Saved. New deadlines count with it from now on; due dates already "
                    + "fixed stay as they are.");
            return "redirect:/staff/calendars/" + id;
        } catch (IllegalArgumentException | IllegalStateException problem) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("calendarError", problem.getMessage());
            return show(id, yaml, model, response);
        }
    }

    private String show(String id, String typed, Model model, HttpServletResponse response) {
        HolidayCalendarView calendar = find(id);
        if (calendar == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("reference", id.length() > 40 ? id.substring(0, 40) : id);
            return "staff/request-not-found";
        }
        model.addAttribute("calendar", calendar);
        model.addAttribute("yaml", typed != null ? typed : editor.yaml(id));
        model.addAttribute("editable", editor.editable());
        model.addAttribute("history", timeline.entries("CAL-" + id));
        return "staff/calendar";
    }

    private HolidayCalendarView find(String id) {
        List<HolidayCalendarView> all = editor.calendars();
        return all.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
