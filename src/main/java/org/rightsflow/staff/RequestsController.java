package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rightsflow.access.PackageDelivery;
import org.rightsflow.audit.AccessKind;
import org.rightsflow.audit.AccessLog;
import org.rightsflow.audit.Timeline;
import org.rightsflow.connector.FulfilmentResultView;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.correction.CorrectionReview;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.notification.Outbox;
import org.rightsflow.notification.OutboxMessageView;
import org.rightsflow.request.Duplicates;
import org.rightsflow.request.ExtensionRefused;
import org.rightsflow.request.PauseRefused;
import org.rightsflow.request.RefusalGround;
import org.rightsflow.request.RefusalRejected;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestLifecycle;
import org.rightsflow.request.RequestSearch;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.request.RequestSummary;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.support.EnumNames;
import org.rightsflow.support.LockConflicts;
import org.rightsflow.workflow.RequestDiagram;
import org.rightsflow.workflow.RequestDiagrams;
import org.rightsflow.workflow.StaffTasks;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Requests for staff: the list and one request. Privacy officers and admins see everything: the timeline, open
 * tasks, per-system results and every message written for it. A system owner sees a request only if one of their
 * systems takes part in it, and then only what their part needs ({@link #ownerView}).
 */
@Controller
class RequestsController {

    /** Requests per page of the list, read from the database a page at a time. */
    private final int pageSize;

    /**
     * The bpmn-js viewer (webjar org.webjars.npm:bpmn-js, the version of pom.xml's bpmn-js.version) and our script
     * that draws a request's diagram with it; the layout puts them into the page's head.
     */
    static final String BPMN_JS = "/webjars/bpmn-js/8.0.0/dist/";
    static final List<String> DIAGRAM_SCRIPTS = List.of(BPMN_JS + "bpmn-navigated-viewer.production.min.js",
            "/js/request-diagram.js");
    static final List<String> DIAGRAM_STYLES = List.of(BPMN_JS + "assets/diagram-js.css");

    /** The tasks of one assignee the "assignee" filter looks at: far more than one person holds at once. */
    static final int ASSIGNEE_TASKS = 2_000;

    private final RequestDirectory requests;
    private final Timeline timeline;
    private final Outbox outbox;
    private final StaffTasks tasks;
    private final SystemRegistry systems;
    private final SystemActions actions;
    private final CorrectionReview corrections;
    private final PackageDelivery packages;
    private final RequestLifecycle lifecycle;
    private final Duplicates duplicates;
    private final StatutoryClock statutoryClock;
    private final Clock clock;
    private final AccessLog accessLog;
    private final StaffDirectory staff;
    private final RequestDiagrams diagrams;

    RequestsController(RequestDirectory requests, Timeline timeline, Outbox outbox, StaffTasks tasks,
                       SystemRegistry systems, SystemActions actions, CorrectionReview corrections,
                       PackageDelivery packages, RequestLifecycle lifecycle, Duplicates duplicates,
                       StatutoryClock statutoryClock, Clock clock, StaffPagesProperties pages,
                       AccessLog accessLog, StaffDirectory staff, RequestDiagrams diagrams) {
        this.diagrams = diagrams;
        this.accessLog = accessLog;
        this.staff = staff;
        this.pageSize = pages.pageSize();
        this.statutoryClock = statutoryClock;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.duplicates = duplicates;
        this.corrections = corrections;
        this.packages = packages;
        this.actions = actions;
        this.requests = requests;
        this.timeline = timeline;
        this.outbox = outbox;
        this.tasks = tasks;
        this.systems = systems;
    }

    /**
     * The list, narrowed by the search form (RequestSearchForm) and paged by the database. What a system owner sees
     * is narrowed first to their systems' request types, and a connected system they may search by is only one of
     * their groups'. A search that cannot run (an unknown status, a date that is not one) is answered 400 with the
     * reasons on the page and no rows.
     */
    @GetMapping("/staff/requests")
    String list(@ModelAttribute("me") StaffMember me, @RequestParam(defaultValue = "1") String page,
                @RequestParam(required = false) String reference, @RequestParam(required = false) String email,
                @RequestParam(required = false) String status, @RequestParam(required = false) String type,
                @RequestParam(required = false) String law, @RequestParam(required = false) String system,
                @RequestParam(required = false) String dueFrom, @RequestParam(required = false) String dueTo,
                @RequestParam(required = false) String overdue, @RequestParam(required = false) String assignee,
                @RequestParam(required = false) String sort, Model model, HttpServletResponse response) {
        RequestSearchForm form = new RequestSearchForm(reference, email, status, type, law, system, dueFrom, dueTo,
                overdue, assignee, sort);
        List<SystemView> searchable = systems.all().stream()
                .filter(s -> me.overseesAllRequests() || me.groups().contains(s.ownerGroup())).toList();
        model.addAttribute("form", form);
        model.addAttribute("searched", form.narrows());
        model.addAttribute("listPath", form.path());
        model.addAttribute("statuses", List.of(RequestStatus.values()));
        model.addAttribute("requestTypes", List.of(RequestType.values()));
        model.addAttribute("sorts", List.of(RequestSearch.Sort.values()));
        model.addAttribute("searchableSystems", searchable);
        model.addAttribute("staffMembers", staff.everyone());
        model.addAttribute("maxBulk", BulkActionsController.MAX_REQUESTS);

        List<String> problems = new java.util.ArrayList<>(form.problems());
        Set<RequestType> types = me.overseesAllRequests() ? null : typesOf(me);
        if (RequestSearchForm.present(system)) {
            Optional<SystemView> chosen = searchable.stream().filter(s -> s.key().equals(system.strip())).findFirst();
            if (chosen.isEmpty()) {
                // Another group's system is answered like one that does not exist: an owner learns nothing of it.
                problems.add("There is no connected system \"" + shortened(system) + "\" you can search by: "
                        + "choose one from the list.");
            } else {
                types = intersection(types, chosen.get().requestTypes());
            }
        }
        Set<String> held = null;
        if (RequestSearchForm.present(assignee)) {
            if (staff.find(assignee.strip()).isEmpty()) {
                problems.add("There is no staff member \"" + shortened(assignee) + "\": choose one from the list.");
            } else {
                held = tasks.requestsHeldBy(assignee.strip(), ASSIGNEE_TASKS);
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", problems);
            model.addAttribute("requests", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("paging", PageLinks.of(1, 1));
            return "staff/requests";
        }
        RequestSearch search = form.toSearch(types, held, statutoryClock.dateOf(clock.instant()));
        Page<RequestSummary> shown = requests.search(search, PageLinks.number(page) - 1, pageSize);
        if (shown.getNumber() >= shown.getTotalPages() && shown.getTotalPages() > 0) {
            // Past the last page (the list shrank, or a hand-made link): the last page instead of an empty one.
            shown = requests.search(search, shown.getTotalPages() - 1, pageSize);
        }
        model.addAttribute("requests", shown.getContent());
        model.addAttribute("total", shown.getTotalElements());
        model.addAttribute("paging", PageLinks.of(shown.getNumber() + 1, shown.getTotalPages()));
        return "staff/requests";
    }

    /** Both restrictions at once; null stands for "no restriction". */
    private static Set<RequestType> intersection(Set<RequestType> visible, Set<RequestType> ofSystem) {
        Set<RequestType> types = EnumSet.noneOf(RequestType.class);
        types.addAll(ofSystem);
        if (visible != null) {
            types.retainAll(visible);
        }
        return types;
    }

    private static String shortened(String value) {
        String stripped = value.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }

    /**
     * The request types a system owner's list shows: those one of their systems takes part in ({@link #maySee}'s
     * rule, asked of the database as a condition instead of applied to every request).
     */
    private Set<RequestType> typesOf(StaffMember me) {
        Set<RequestType> types = EnumSet.noneOf(RequestType.class);
        systems.all().stream().filter(SystemView::active).filter(system -> me.groups().contains(system.ownerGroup()))
                .forEach(system -> types.addAll(system.requestTypes()));
        return types;
    }

    @GetMapping("/staff/requests/{reference}")
    String detail(@PathVariable String reference, @ModelAttribute("me") StaffMember me, Model model,
                  HttpServletResponse response) {
        Optional<RequestDetails> request = requests.find(reference).filter(r -> maySee(me, r));
        if (request.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("reference", reference);
            return "staff/request-not-found";
        }
        model.addAttribute("request", request.get());
        accessLog.record(me.username(), AccessKind.REQUEST_PAGE, reference, null);
        if (!me.overseesAllRequests()) {
            return ownerView(reference, me, model);
        }
        model.addAttribute("timeline", timeline.entries(reference));
        model.addAttribute("timelineIntact", timeline.isIntact(reference));
        model.addAttribute("tasks", tasks.openTasksOf(reference));
        List<FulfilmentResultView> results = systems.resultsFor(reference);
        model.addAttribute("results", results);
        // Where the request stands in its models: the diagram (drawn by static/js/request-diagram.js from
        // diagram.json), its text list and each system's standing among the facts.
        RequestDiagram diagram = diagrams.of(reference).orElse(null);
        model.addAttribute("diagram", diagram);
        if (diagram != null) {
            model.addAttribute("pageScripts", DIAGRAM_SCRIPTS);
            model.addAttribute("pageStyles", DIAGRAM_STYLES);
        }
        model.addAttribute("standings", SystemStanding.of(diagram, results));
        if (request.get().outcome() == null) {
            model.addAttribute("daysLeft", ChronoUnit.DAYS.between(statutoryClock.dateOf(clock.instant()),
                    request.get().due()));
        }
        model.addAttribute("steps", actions.stepsOf(reference));
        model.addAttribute("accessFiles", actions.accessFilesOf(reference));
        List<OutboxMessageView> messages = outbox.forRequest(reference);
        model.addAttribute("messages", messages);
        model.addAttribute("receiptConfirmation", ReceiptConfirmation.of(request.get(), messages,
                statutoryClock.dateOf(clock.instant()), statutoryClock));
        packages.find(reference).ifPresent(p -> model.addAttribute("accessPackage", p));
        model.addAttribute("claim", request.get().type() == RequestType.CORRECTION
                ? corrections.claim(reference) : List.of());
        requests.extension(reference).ifPresent(e -> model.addAttribute("extension", e));
        model.addAttribute("conversation", requests.messages(reference));
        requests.pausedSince(reference).ifPresent(since -> model.addAttribute("pausedSince", since));
        model.addAttribute("pausedDays", requests.pausedDays(reference));
        if (me.overseesAllRequests()) {
            model.addAttribute("whyNoExtension", lifecycle.whyNoExtension(reference).orElse(null));
            model.addAttribute("whyNoDelayNotice", lifecycle.whyNoDelayNotice(reference).orElse(null));
            lifecycle.latestPromise(reference).ifPresent(latest -> model.addAttribute("latestPromise", latest));
            model.addAttribute("whyNoPause", lifecycle.whyNoPause(reference).orElse(null));
            model.addAttribute("refusable", lifecycle.refusable(reference));
            model.addAttribute("refusalGrounds", lifecycle.refusalGrounds(reference));
        }
        requests.refusal(reference).ifPresent(r -> model.addAttribute("refusal", r));
        duplicates.originalOf(reference).ifPresent(original -> model.addAttribute("duplicateOf", original));
        model.addAttribute("duplicates", duplicates.duplicatesOf(reference));
        return "staff/request";
    }

    /**
     * What a system owner needs for their part, and nothing else: who the subject is, what their systems have to do
     * and by when, and what their systems did. Other systems' results, the messages to the subject (which carry
     * links and codes), the conversation, the claim, the package and the timeline are for privacy officers.
     */
    private String ownerView(String reference, StaffMember me, Model model) {
        Set<Long> mine = systems.all().stream().filter(system -> me.groups().contains(system.ownerGroup()))
                .map(SystemView::id).collect(Collectors.toSet());
        model.addAttribute("tasks", tasks.openTasksOf(reference, me));
        model.addAttribute("results", systems.resultsFor(reference).stream()
                .filter(result -> mine.contains(result.systemId())).toList());
        model.addAttribute("steps", actions.stepsOf(reference).stream()
                .filter(step -> mine.contains(step.systemId())).toList());
        model.addAttribute("accessFiles", actions.accessFilesOf(reference).stream()
                .filter(file -> mine.contains(file.systemId())).toList());
        return "staff/request-for-owner";
    }

    /**
     * A privacy officer extends the statutory period, with the reason the subject will read. Refused, with the law's
     * reason on the page, where no extension is allowed now.
     */
    @PostMapping("/staff/requests/{reference}/extend")
    String extend(@PathVariable String reference, @RequestParam(required = false) String reason,
                  @ModelAttribute("me") StaffMember me, RedirectAttributes redirect, HttpServletResponse response) {
        String notAllowed = officerMayNotAct(reference, me, response);
        if (notAllowed != null) {
            return notAllowed;
        }
        try {
            RequestDetails extended = LockConflicts.retry(() -> lifecycle.extend(reference, reason, me.username()));
            redirect.addFlashAttribute("notice", "Extended to " + extended.due() + ". The subject is told why, by email.");
        } catch (ExtensionRefused refused) {
            redirect.addFlashAttribute("extensionError", refused.getMessage());
            redirect.addFlashAttribute("extensionReason", reason);
        }
        return "redirect:/staff/requests/" + reference + "#deadline";
    }

    /**
     * A privacy officer tells the subject of a delay, with the reason and the date they will be answered by, where
     * the law has such a notice instead of an extension (docs/legal-rules.md#delay-notice). Refused, with the reason
     * on the page, elsewhere or when the date is not one the notice may promise.
     */
    @PostMapping("/staff/requests/{reference}/delay")
    String delay(@PathVariable String reference, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String answerBy, @ModelAttribute("me") StaffMember me,
                 RedirectAttributes redirect, HttpServletResponse response) {
        String notAllowed = officerMayNotAct(reference, me, response);
        if (notAllowed != null) {
            return notAllowed;
        }
        try {
            LocalDate date = parseDate(answerBy);
            RequestDetails delayed = LockConflicts.retry(() -> lifecycle.notifyDelay(reference, reason, date,
                    me.username()));
            redirect.addFlashAttribute("notice", "The subject is told, by email, why and that the answer comes by "
                    + delayed.due() + ".");
        } catch (ExtensionRefused refused) {
            redirect.addFlashAttribute("delayError", refused.getMessage());
            redirect.addFlashAttribute("delayReason", reason);
            redirect.addFlashAttribute("delayAnswerBy", answerBy);
        }
        return "redirect:/staff/requests/" + reference + "#deadline";
    }

    /** A date as the form's date field sends it; anything else is no date (the lifecycle says which it needs). */
    private static LocalDate parseDate(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A privacy officer asks the subject for clarification through the status page; where the law allows it the
     * clock stops until the answer. Refused, with the reason on the page, where the clock never stops.
     */
    @PostMapping("/staff/requests/{reference}/pause")
    String pause(@PathVariable String reference, @RequestParam(required = false) String question,
                 @ModelAttribute("me") StaffMember me, RedirectAttributes redirect, HttpServletResponse response) {
        String notAllowed = officerMayNotAct(reference, me, response);
        if (notAllowed != null) {
            return notAllowed;
        }
        try {
            LockConflicts.retry(() -> lifecycle.pause(reference, question, me.username()));
            redirect.addFlashAttribute("notice", "The question is on the subject's status page and the clock is paused "
                    + "until they answer. They were told by email.");
        } catch (PauseRefused refused) {
            redirect.addFlashAttribute("pauseError", refused.getMessage());
            redirect.addFlashAttribute("pauseQuestion", question);
        }
        return "redirect:/staff/requests/" + reference + "#deadline";
    }

    /**
     * A privacy officer refuses the request as a whole, on a ground, with the reasons the subject reads and, for a
     * manifestly unfounded or excessive request, the evidence. Errors come back to the form with what was typed.
     */
    @PostMapping("/staff/requests/{reference}/refuse")
    String refuse(@PathVariable String reference, @RequestParam(required = false) String ground,
                  @RequestParam(required = false) String reasons, @RequestParam(required = false) String evidence,
                  @ModelAttribute("me") StaffMember me, RedirectAttributes redirect, HttpServletResponse response) {
        String notAllowed = officerMayNotAct(reference, me, response);
        if (notAllowed != null) {
            return notAllowed;
        }
        try {
            RefusalGround chosen = EnumNames.parse(RefusalGround.class, ground).orElse(null);
            LockConflicts.retry(() -> lifecycle.refuse(reference, chosen, reasons, evidence, me.username()));
            redirect.addFlashAttribute("notice", "The request is refused and closed. The subject is told why, with "
                    + "what they can do about it.");
        } catch (RefusalRejected rejected) {
            redirect.addFlashAttribute("refusalError", rejected.getMessage());
            redirect.addFlashAttribute("refusalGround", ground);
            redirect.addFlashAttribute("refusalReasons", reasons);
            redirect.addFlashAttribute("refusalEvidence", evidence);
        }
        return "redirect:/staff/requests/" + reference + "#refusal";
    }

    /** A privacy officer unlinks a duplicate: it is carried out on its own from now on. */
    @PostMapping("/staff/requests/{reference}/unlink")
    String unlink(@PathVariable String reference, @ModelAttribute("me") StaffMember me, RedirectAttributes redirect,
                  HttpServletResponse response) {
        String notAllowed = officerMayNotAct(reference, me, response);
        if (notAllowed != null) {
            return notAllowed;
        }
        if (duplicates.originalOf(reference).isEmpty()) {
            redirect.addFlashAttribute("notice", "This request is not linked to another.");
            return "redirect:/staff/requests/" + reference;
        }
        LockConflicts.retry(() -> {
            duplicates.unlink(reference, me.username());
            return null;
        });
        redirect.addFlashAttribute("notice", "Unlinked: the request is carried out on its own now.");
        return "redirect:/staff/requests/" + reference;
    }

    /**
     * The page for someone who may not change this request's course (only privacy officers may), or for a request that
     * does not exist; null when the action may go ahead.
     */
    private String officerMayNotAct(String reference, StaffMember me, HttpServletResponse response) {
        if (!me.overseesAllRequests()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "error/denied";
        }
        return requests.find(reference).isEmpty() ? "redirect:/staff/requests" : null;
    }

    private boolean maySee(StaffMember me, RequestDetails request) {
        return me.overseesAllRequests() || systems.inScopeFor(request.type()).stream()
                .map(SystemView::ownerGroup).anyMatch(me.groups()::contains);
    }
}
