package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.security.StaffMember;
import org.rightsflow.workflow.InboxTask;
import org.rightsflow.workflow.StaffTasks;
import org.rightsflow.workflow.TaskNotAvailable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox: my tasks by due date; claiming, releasing and completing them. */
@Controller
class InboxController {

    private final StaffTasks tasks;

    InboxController(StaffTasks tasks) {
        this.tasks = tasks;
    }

    @ModelAttribute("outcomes")
    List<SystemOutcome> outcomes() {
        return List.of(SystemOutcome.values());
    }

    @GetMapping("/staff")
    String inbox(@ModelAttribute("me") StaffMember me, Model model) {
        model.addAttribute("tasks", tasks.inboxOf(me));
        return "staff/inbox";
    }

    @GetMapping("/staff/tasks/{taskId}")
    String task(@PathVariable String taskId, @ModelAttribute("me") StaffMember me, Model model,
                RedirectAttributes redirect) {
        try {
            model.addAttribute("task", tasks.get(taskId, me));
        } catch (TaskNotAvailable e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff";
        }
        if (!model.containsAttribute("completeForm")) {
            model.addAttribute("completeForm", new CompleteTaskForm());
        }
        return "staff/task";
    }

    @PostMapping("/staff/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, @ModelAttribute("me") StaffMember me, RedirectAttributes redirect) {
        try {
            tasks.claim(taskId, me);
            redirect.addFlashAttribute("notice", "The task is yours.");
            return "redirect:/staff/tasks/" + taskId;
        } catch (TaskNotAvailable e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff";
        }
    }

    @PostMapping("/staff/tasks/{taskId}/release")
    String release(@PathVariable String taskId, @ModelAttribute("me") StaffMember me, RedirectAttributes redirect) {
        try {
            tasks.release(taskId, me);
            redirect.addFlashAttribute("notice", "The task is back in the group's queue.");
        } catch (TaskNotAvailable e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff";
    }

    @PostMapping("/staff/tasks/{taskId}/complete")
    String complete(@PathVariable String taskId, @ModelAttribute("me") StaffMember me,
                    @Valid @ModelAttribute("completeForm") CompleteTaskForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        InboxTask task;
        try {
            task = tasks.get(taskId, me);
        } catch (TaskNotAvailable e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff";
        }
        if (form.getOutcome() == SystemOutcome.NOT_DONE && (form.getComment() == null || form.getComment().isBlank())) {
            errors.rejectValue("comment", "required", "Say why the request was not carried out in this system");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("task", task);
            return "staff/task";
        }
        try {
            tasks.complete(taskId, me, form.getOutcome(), form.getComment());
        } catch (TaskNotAvailable e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff";
        }
        redirect.addFlashAttribute("notice", "Done: \"" + task.name() + "\" for " + task.reference() + ".");
        return "redirect:/staff";
    }
}
