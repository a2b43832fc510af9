package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.rightsflow.access.PackageReview;
import org.rightsflow.audit.AccessKind;
import org.rightsflow.audit.AccessLog;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.correction.ClaimedCorrection;
import org.rightsflow.correction.CorrectionReview;
import org.rightsflow.correction.Verdict;
import org.rightsflow.request.RequestedCorrections;
import org.rightsflow.request.AppealOutcome;
import org.rightsflow.request.AppealRejected;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.support.EnumNames;
import org.rightsflow.workflow.InboxPage;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox: my tasks by due date; claiming, releasing and completing them. */
@Controller
class InboxController {

    /** Uploads beyond this are refused before they reach the encrypted store (Spring's multipart limits sit above). */
    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    /** Spring binds indexed fields up to this many; a claim has at most RequestedCorrections.MAX_FIELDS. */
    private static final int MAX_VERDICTS = RequestedCorrections.MAX_FIELDS;

    /** Tasks per inbox page, read from the database a page at a time. */
    private final int pageSize;

    private final StaffTasks tasks;
    private final SystemActions actions;
    private final CorrectionReview corrections;
    private final PackageReview packageReview;
    private final RequestDirectory requests;
    private final AccessLog accessLog;

    InboxController(StaffTasks tasks, SystemActions actions, CorrectionReview corrections,
                    PackageReview packageReview, RequestDirectory requests, StaffPagesProperties pages,
                    AccessLog accessLog) {
        this.accessLog = accessLog;
        this.pageSize = pages.pageSize();
        this.requests = requests;
        this.tasks = tasks;
        this.packageReview = packageReview;
        this.actions = actions;
        this.corrections = corrections;
    }

    @ModelAttribute("outcomes")
    List<SystemOutcome> outcomes() {
        return List.of(SystemOutcome.values());
    }

    @GetMapping("/staff")
    String inbox(@ModelAttribute("me") StaffMember me, @RequestParam(defaultValue = "1") String page, Model model) {
        InboxPage shown = tasks.inboxOf(me, PageLinks.number(page), pageSize);
        model.addAttribute("tasks", shown.tasks());
        model.addAttribute("inbox", shown);
        model.addAttribute("paging", PageLinks.of(shown.number(), shown.totalPages()));
        return "staff/inbox";
    }

    @GetMapping("/staff/tasks/{taskId}")
    String task(@PathVariable String taskId, @ModelAttribute("me") StaffMember me, Model model,
                RedirectAttributes redirect) {
        Optional<InboxTask> found = visibleTask(taskId, me, redirect);
        if (found.isEmpty()) {
            return "redirect:/staff";
        }
        InboxTask task = found.get();
        accessLog.recordFirst(me.username(), AccessKind.TASK_PAGE, task.reference(), "task " + taskId);
        return showTask(task, model);
    }

    /** The task if this person may see it; otherwise the reason goes to the inbox as a message. */
    private Optional<InboxTask> visibleTask(String taskId, StaffMember me, RedirectAttributes redirect) {
        try {
            return Optional.of(tasks.get(taskId, me));
        } catch (TaskNotAvailable e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return Optional.empty();
        }
    }

    String showTask(InboxTask task, Model model) {
        model.addAttribute("task", task);
        if (!model.containsAttribute("completeForm")) {
            model.addAttribute("completeForm", new CompleteTaskForm());
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", new DecisionForm());
        }
        if (task.kind() == InboxTask.Kind.REVIEW_CORRECTION) {
            List<ClaimedCorrection> claim = corrections.claim(task.reference());
            model.addAttribute("claim", claim);
            if (!model.containsAttribute("reviewForm")) {
                CorrectionReviewForm form = new CorrectionReviewForm();
                claim.forEach(c -> {
                    CorrectionReviewForm.FieldVerdict verdict = new CorrectionReviewForm.FieldVerdict();
                    verdict.setField(c.field());
                    form.getVerdicts().add(verdict);
                });
                model.addAttribute("reviewForm", form);
            }
            model.addAttribute("requestDetails", tasks.requestOf(task));
        }
        if (task.kind() == InboxTask.Kind.REVIEW_PACKAGE) {
            List<PackageReview.SystemContents> contents = packageReview.contents(task.reference());
            model.addAttribute("contents", contents);
            model.addAttribute("exclusions", PackageReviewController.lines(contents,
                    packageReview.exclusions(task.reference())));
            model.addAttribute("exclusionTargets", PackageReviewController.targets(contents));
        }
        if (task.kind() == InboxTask.Kind.DECIDE_APPEAL) {
            requests.appeal(task.reference()).ifPresent(appeal -> model.addAttribute("appeal", appeal));
            requests.refusal(task.reference()).ifPresent(refusal -> model.addAttribute("refusal", refusal));
            model.addAttribute("originalDeciders", requests.originalDeciders(task.reference()));
        }
        model.addAttribute("correctionsToApply", tasks.correctionsToApply(task));
        if (task.erasurePlanStepId() != null) {
            actions.step(task.erasurePlanStepId()).ifPresent(plan -> model.addAttribute("plan", plan));
        }
        model.addAttribute("uploads", actions.accessFilesOf(task.reference()).stream()
                .filter(file -> file.systemId() == task.systemId()).toList());
        return "staff/task";
    }

    @PostMapping("/staff/tasks/{taskId}/decide")
    String decide(@PathVariable String taskId, @ModelAttribute("me") StaffMember me,
                  @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        return submit(taskId, me, errors, "reason", model, redirect, response, task -> {
            tasks.decideErasure(taskId, me, form.isApprove(), form.getReason());
            return (form.isApprove() ? "Erasure approved" : "Erasure refused") + " for " + task.reference() + " in "
                    + task.systemName() + ".";
        });
    }

    @PostMapping("/staff/tasks/{taskId}/complete")
    String complete(@PathVariable String taskId, @ModelAttribute("me") StaffMember me,
                    @Valid @ModelAttribute("completeForm") CompleteTaskForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        return submit(taskId, me, errors, "comment", model, redirect, response, task -> {
            tasks.complete(taskId, me, form.getOutcome(), form.getComment());
            return "Done: \"" + task.name() + "\" for " + task.reference() + ".";
        });
    }

    /**
     * Carries out a task form's decision, which returns the notice for the inbox. A form that does not validate, or
     * that the decision refuses (StaffTasks' IllegalArgumentException, e.g. no reason for "not done"), comes back as
     * filled in with a 400 and the message at {@code field}; a task gone or held by someone else sends the person
     * back to the inbox with the reason.
     */
    private String submit(String taskId, StaffMember me, BindingResult errors, String field, Model model,
                          RedirectAttributes redirect, HttpServletResponse response,
                          Function<InboxTask, String> decision) {
        Optional<InboxTask> found = visibleTask(taskId, me, redirect);
        if (found.isEmpty()) {
            return "redirect:/staff";
        }
        InboxTask task = found.get();
        if (!errors.hasErrors()) {
            try {
                redirect.addFlashAttribute("notice", decision.apply(task));
                return "redirect:/staff";
            } catch (TaskNotAvailable e) {
                redirect.addFlashAttribute("error", e.getMessage());
                return "redirect:/staff";
            } catch (IllegalArgumentException e) {
                errors.rejectValue(field, "rejected", e.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return showTask(task, model);
    }

    /**
     * A privacy officer who did not take the original decision decides the appeal: granted (the request is carried
     * out after all, as a follow-up request) or denied, with the explanation the subject reads.
     */
    @PostMapping("/staff/tasks/{taskId}/decide-appeal")
    String decideAppeal(@PathVariable String taskId, @ModelAttribute("me") StaffMember me,
                        @RequestParam(required = false) String outcome,
                        @RequestParam(required = false) String explanation, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        Optional<InboxTask> found = visibleTask(taskId, me, redirect);
        if (found.isEmpty()) {
            return "redirect:/staff";
        }
        InboxTask task = found.get();
        try {
            AppealOutcome decided = EnumNames.parse(AppealOutcome.class, outcome).orElse(null);
            tasks.decideAppeal(taskId, me, decided, explanation);
            redirect.addFlashAttribute("notice", "Appeal on " + task.reference() + " decided; the subject is told.");
            return "redirect:/staff";
        } catch (TaskNotAvailable e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff/tasks/" + taskId;
        } catch (AppealRejected e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("appealError", e.getMessage());
            model.addAttribute("appealExplanation", explanation);
            return showTask(task, model);
        }
    }

    /** A privacy officer's review of a correction claim: a verdict per field and how the claim was checked. */
    @PostMapping("/staff/tasks/{taskId}/review-correction")
    String reviewCorrection(@PathVariable String taskId, @ModelAttribute("me") StaffMember me,
                            @ModelAttribute("reviewForm") CorrectionReviewForm form, Model model,
                            RedirectAttributes redirect, HttpServletResponse response) {
        Optional<InboxTask> found = visibleTask(taskId, me, redirect);
        if (found.isEmpty()) {
            return "redirect:/staff";
        }
        InboxTask task = found.get();
        List<Verdict> verdicts = form.getVerdicts().stream().limit(MAX_VERDICTS)
                .filter(v -> v != null && v.getField() != null && v.getAccept() != null)
                .map(v -> new Verdict(v.getField(), v.getAccept(), v.getReason())).toList();
        try {
            tasks.decideCorrection(taskId, me, verdicts, form.getHowChecked());
        } catch (TaskNotAvailable | IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff";
        } catch (IllegalArgumentException e) {
            // Nothing was recorded: the form comes back as filled in, with what is missing.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("reviewError", e.getMessage());
            return showTask(task, model);
        }
        long accepted = verdicts.stream().filter(Verdict::accept).count();
        redirect.addFlashAttribute("notice", "Review recorded for " + task.reference() + ": " + accepted + " of "
                + verdicts.size() + " field(s) accepted" + (accepted > 0 ? "; the systems that hold them are next." : "."));
        return "redirect:/staff";
    }

    /** What the owner found by hand for an access request, kept encrypted for the answer to the subject. */
    @PostMapping("/staff/tasks/{taskId}/upload")
    String upload(@PathVariable String taskId, @ModelAttribute("me") StaffMember me,
                  @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        Optional<InboxTask> found = visibleTask(taskId, me, redirect);
        if (found.isEmpty()) {
            return "redirect:/staff";
        }
        InboxTask task = found.get();
        if (!task.acceptsUpload()) {
            redirect.addFlashAttribute("uploadError", "Files are attached only to access requests.");
        } else if (file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", "Choose a file to attach.");
        } else if (file.getSize() > MAX_UPLOAD_BYTES) {
            redirect.addFlashAttribute("uploadError", "The file is larger than 10 MB; split it or compress it.");
        } else {
            actions.recordUpload(task.reference(), task.systemId(), safeName(file.getOriginalFilename()),
                    file.getContentType() == null ? "application/octet-stream" : file.getContentType(),
                    file.getBytes(), me.username());
            redirect.addFlashAttribute("notice", "Attached " + safeName(file.getOriginalFilename()) + ".");
        }
        return "redirect:/staff/tasks/" + taskId;
    }

    /** The file's own name, without any path a browser may send, and nothing that could break a header. */
    static String safeName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            name = "upload";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
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
}
