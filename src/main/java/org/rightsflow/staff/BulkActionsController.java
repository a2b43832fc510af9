package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rightsflow.request.ExtensionRefused;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestLifecycle;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.support.LockConflicts;
import org.rightsflow.workflow.Incidents;
import org.rightsflow.workflow.StaffTasks;
import org.rightsflow.workflow.TaskNotAvailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One action on the requests selected in the list, for privacy officers: hand their open tasks to a staff member,
 * retry their incidents, or extend their statutory period. Each request goes through the same path as on its own
 * page (and its own transaction), so each is checked on its own; the result page lists what was done and what was
 * refused, with the reason. A request done stays done when a later one is refused.
 */
@Controller
class BulkActionsController {

    /** Requests per action: a page of the list at most a few times over, and a bounded wait for the officer. */
    static final int MAX_REQUESTS = 200;

    private static final Logger log = LoggerFactory.getLogger(BulkActionsController.class);

    private final RequestDirectory requests;
    private final RequestLifecycle lifecycle;
    private final StaffTasks tasks;
    private final Incidents incidents;
    private final StaffDirectory staff;

    BulkActionsController(RequestDirectory requests, RequestLifecycle lifecycle, StaffTasks tasks, Incidents incidents,
                          StaffDirectory staff) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.tasks = tasks;
        this.incidents = incidents;
        this.staff = staff;
    }

    /** What the officer asked for, as the form names it. */
    enum Action {
        REASSIGN("Assign the open tasks"),
        RETRY("Retry the incidents"),
        EXTEND("Extend the period to answer");

        private final String title;

        Action(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One request's result: done, with what was done, or refused, with why. */
    record Line(String reference, String text) {
    }

    @PostMapping("/staff/requests/bulk")
    String bulk(@RequestParam(required = false) String action,
                @RequestParam(name = "reference", required = false) List<String> selected,
                @RequestParam(required = false) String assignee, @RequestParam(required = false) String reason,
                @ModelAttribute("me") StaffMember me, Model model, HttpServletResponse response) {
        if (!me.overseesAllRequests()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "error/denied";
        }
        Optional<Action> chosen = org.rightsflow.support.EnumNames.parse(Action.class,
                action == null ? null : action.strip());
        Set<String> references = new LinkedHashSet<>();
        if (selected != null) {
            selected.stream().filter(RequestSearchForm::present).map(String::strip).forEach(references::add);
        }
        model.addAttribute("action", chosen.orElse(null));
        model.addAttribute("done", List.of());
        model.addAttribute("refused", List.of());
        String problem = null;
        Optional<StaffMember> target = Optional.empty();
        if (chosen.isEmpty()) {
            problem = "Choose what to do with the selected requests.";
        } else if (references.isEmpty()) {
            problem = "Select at least one request.";
        } else if (references.size() > MAX_REQUESTS) {
            problem = "Select at most " + MAX_REQUESTS + " requests at a time (" + references.size()
                    + " were selected). Nothing was changed.";
        } else if (chosen.get() == Action.REASSIGN) {
            target = RequestSearchForm.present(assignee) ? staff.find(assignee.strip()) : Optional.empty();
            if (target.isEmpty()) {
                problem = "Choose the staff member to assign the tasks to. Nothing was changed.";
            }
        } else if (chosen.get() == Action.EXTEND && !RequestSearchForm.present(reason)) {
            problem = "Give the reason for the extension: each subject is told why. Nothing was changed.";
        }
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", problem);
            return "staff/bulk-result";
        }
        List<Line> done = new ArrayList<>();
        List<Line> refused = new ArrayList<>();
        for (String reference : references) {
            Optional<String> refusal = requests.find(reference).isEmpty() ? Optional.of("There is no such request.")
                    : Optional.empty();
            if (refusal.isEmpty()) {
                try {
                    done.add(new Line(reference, apply(chosen.get(), reference, target.orElse(null), reason, me)));
                } catch (ExtensionRefused | TaskNotAvailable | Nothing e) {
                    refusal = Optional.of(e.getMessage());
                } catch (RuntimeException e) {
                    // One request's failure must not hide what was done for the others: it is listed as refused.
                    log.warn("Bulk {} failed for one request: {}", chosen.get(), e.getClass().getName());
                    refusal = Optional.of("It could not be done now; try it on the request's page.");
                }
            }
            refusal.ifPresent(why -> refused.add(new Line(reference, why)));
        }
        model.addAttribute("done", done);
        model.addAttribute("refused", refused);
        return "staff/bulk-result";
    }

    /** Does the action for one request; returns what was done, in words for the result page. */
    private String apply(Action action, String reference, StaffMember target, String reason, StaffMember me) {
        return switch (action) {
            case REASSIGN -> {
                int moved = LockConflicts.retry(() -> tasks.assignOpenTasks(reference, target, me));
                yield moved + " task(s) assigned to " + target.username() + ".";
            }
            case RETRY -> {
                int handled = incidents.retryOf(reference, me.username());
                if (handled == 0) {
                    throw new Nothing("The request has no open incident.");
                }
                yield handled + " incident(s) handed back to the process.";
            }
            case EXTEND -> {
                RequestDetails extended = LockConflicts.retry(() -> lifecycle.extend(reference, reason,
                        me.username()));
                yield "Extended to " + extended.due() + "; the subject is told why, by email.";
            }
        };
    }

    /** Nothing to do for this request: listed as refused, with the reason. */
    private static final class Nothing extends RuntimeException {
        Nothing(String message) {
            super(message, null, false, false);
        }
    }
}
