package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rightsflow.access.Exclusion;
import org.rightsflow.access.PackageReview;
import org.rightsflow.access.TableShape;
import org.rightsflow.audit.AccessKind;
import org.rightsflow.audit.AccessLog;
import org.rightsflow.connector.AccessFile;
import org.rightsflow.security.StaffMember;
import org.rightsflow.workflow.InboxTask;
import org.rightsflow.workflow.StaffTasks;
import org.rightsflow.workflow.TaskNotAvailable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review of an access package before release (the task "Review the access package"): a look at a table's
 * rows, leaving out a system, table, column or file with a reason, putting it back, and releasing.
 */
@Controller
class PackageReviewController {

    static final int PREVIEW_ROWS = 50;

    private final StaffTasks tasks;
    private final PackageReview review;
    private final InboxController inbox;
    private final AccessLog accessLog;

    PackageReviewController(StaffTasks tasks, PackageReview review, InboxController inbox, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.tasks = tasks;
        this.review = review;
        this.inbox = inbox;
    }

    /** One thing that can be left out, as the form's choice: "systemId|table|column|fileId" and a label. */
    record Target(String value, String label) {
    }

    static List<Target> targets(List<PackageReview.SystemContents> contents) {
        List<Target> targets = new ArrayList<>();
        for (PackageReview.SystemContents system : contents) {
            targets.add(new Target(system.systemId() + "|||", "Everything from " + system.name()));
            for (TableShape table : system.tables()) {
                targets.add(new Target(system.systemId() + "|" + table.name() + "||",
                        "Table " + table.name() + " (" + system.name() + ")"));
                for (String column : table.columns()) {
                    targets.add(new Target(system.systemId() + "|" + table.name() + "|" + column + "|",
                            "Column " + table.name() + "." + column + " (" + system.name() + ")"));
                }
            }
            for (AccessFile file : system.attachments()) {
                targets.add(new Target(system.systemId() + "|||" + file.id(),
                        "File " + file.fileName() + " (" + system.name() + ")"));
            }
        }
        return targets;
    }

    @GetMapping("/staff/tasks/{taskId}/preview")
    String preview(@PathVariable String taskId, @RequestParam long system, @RequestParam String table,
                   @ModelAttribute("me") StaffMember me, Model model, RedirectAttributes redirect) {
        InboxTask task = reviewTask(taskId, me, redirect);
        if (task == null) {
            return "redirect:/staff";
        }
        try {
            List<Map<String, String>> rows = review.preview(task.reference(), system, table, PREVIEW_ROWS);
            accessLog.record(me.username(), AccessKind.PACKAGE_PREVIEW, task.reference(),
                    "table " + table + " of system " + system);
            model.addAttribute("task", task);
            model.addAttribute("table", table);
            model.addAttribute("rows", rows);
            model.addAttribute("columns", rows.stream().flatMap(row -> row.keySet().stream()).distinct().toList());
            model.addAttribute("limit", PREVIEW_ROWS);
            return "staff/package-preview";
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff/tasks/" + taskId;
        }
    }

    @PostMapping("/staff/tasks/{taskId}/exclude")
    String exclude(@PathVariable String taskId, @RequestParam(required = false) String target,
                   @RequestParam(required = false) String reason, @ModelAttribute("me") StaffMember me,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        InboxTask task = reviewTask(taskId, me, redirect);
        if (task == null) {
            return "redirect:/staff";
        }
        try {
            Exclusion excluded = review.exclude(task.reference(), parse(target, reason), me.username());
            redirect.addFlashAttribute("notice", "Left out, with your reason: " + describe(excluded) + ".");
            return "redirect:/staff/tasks/" + taskId + "#exclusions";
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("excludeError", e.getMessage());
            model.addAttribute("excludeTarget", target);
            model.addAttribute("excludeReason", reason);
            return inbox.showTask(task, model);
        }
    }

    @PostMapping("/staff/tasks/{taskId}/include")
    String include(@PathVariable String taskId, @RequestParam long exclusion, @ModelAttribute("me") StaffMember me,
                   RedirectAttributes redirect) {
        InboxTask task = reviewTask(taskId, me, redirect);
        if (task == null) {
            return "redirect:/staff";
        }
        try {
            review.include(task.reference(), exclusion, me.username());
            redirect.addFlashAttribute("notice", "Put back into the package.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/tasks/" + taskId + "#exclusions";
    }

    @PostMapping("/staff/tasks/{taskId}/release-package")
    String release(@PathVariable String taskId, @ModelAttribute("me") StaffMember me, RedirectAttributes redirect) {
        InboxTask task = reviewTask(taskId, me, redirect);
        if (task == null) {
            return "redirect:/staff";
        }
        try {
            tasks.releasePackage(taskId, me);
        } catch (TaskNotAvailable e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff";
        }
        redirect.addFlashAttribute("notice", "Package of " + task.reference() + " released: it is assembled and "
                + "sealed now, and the person is told how to download it.");
        return "redirect:/staff";
    }

    /** The task, when it is a package review this officer may act on; otherwise null with the reason flashed. */
    private InboxTask reviewTask(String taskId, StaffMember me, RedirectAttributes redirect) {
        try {
            InboxTask task = tasks.get(taskId, me);
            if (task.kind() != InboxTask.Kind.REVIEW_PACKAGE) {
                throw new TaskNotAvailable("This task is not the review of an access package.");
            }
            tasks.requireReviewer(taskId, me);
            return task;
        } catch (TaskNotAvailable e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return null;
        }
    }

    private static Exclusion parse(String target, String reason) {
        String[] parts = target == null ? new String[0] : target.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Choose what to leave out.");
        }
        try {
            return Exclusion.of(Long.parseLong(parts[0]), parts[1], parts[2],
                    parts[3].isBlank() ? null : Long.valueOf(parts[3]), reason);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Choose what to leave out.");
        }
    }

    static String describe(Exclusion exclusion) {
        if (exclusion.accessFileId() != null) {
            return "an attached file";
        }
        if (exclusion.table() == null) {
            return "everything from the system";
        }
        return exclusion.column() == null ? "table " + exclusion.table()
                : "column " + exclusion.table() + "." + exclusion.column();
    }

    /** One exclusion as the review page lists it. */
    record ExclusionLine(long id, String what, String reason, String by, java.time.Instant at) {
    }

    static List<ExclusionLine> lines(List<PackageReview.SystemContents> contents, List<Exclusion> exclusions) {
        Map<Long, PackageReview.SystemContents> systems = new LinkedHashMap<>();
        contents.forEach(system -> systems.put(system.systemId(), system));
        return exclusions.stream().map(e -> {
            PackageReview.SystemContents system = systems.get(e.systemId());
            String name = system == null ? "system " + e.systemId() : system.name();
            String what;
            if (e.accessFileId() != null) {
                what = "File " + (system == null ? "" : system.attachments().stream()
                        .filter(f -> f.id() == e.accessFileId()).map(AccessFile::fileName).findFirst().orElse(""))
                        + " (" + name + ")";
            } else if (e.table() == null) {
                what = "Everything from " + name;
            } else if (e.column() == null) {
                what = "Table " + e.table() + " (" + name + ")";
            } else {
                what = "Column " + e.table() + "." + e.column() + " (" + name + ")";
            }
            return new ExclusionLine(e.id(), what, e.reason(), e.excludedBy(), e.excludedAt());
        }).toList();
    }
}
