package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.rightsflow.audit.AccessKind;
import org.rightsflow.audit.AccessLog;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.OptOutBatches;
import org.rightsflow.security.StaffMember;
import org.rightsflow.support.SpreadsheetCsv;
import org.rightsflow.workflow.StaffTasks;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The batches of opt-outs for privacy officers (what each carried, by when, and its timeline), and the list of a
 * batch's email addresses for the owners who apply it by hand, while their task is open.
 */
@Controller
class OptOutBatchesController {

    private static final int SHOWN = 100;

    private final OptOutBatches batches;
    private final StaffTasks tasks;
    private final Timeline timeline;
    private final StatutoryClock statutoryClock;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;
    private final AccessLog accessLog;

    OptOutBatchesController(OptOutBatches batches, StaffTasks tasks, Timeline timeline, StatutoryClock statutoryClock,
                            TransactionTemplate transaction, java.time.Clock clock, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.batches = batches;
        this.tasks = tasks;
        this.timeline = timeline;
        this.statutoryClock = statutoryClock;
        this.transaction = transaction;
        this.clock = clock;
    }

    @GetMapping("/staff/opt-outs")
    String list(@ModelAttribute("me") StaffMember me, Model model, HttpServletResponse response) {
        if (!me.overseesAllRequests()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "error/denied";
        }
        model.addAttribute("batches", batches.recent(SHOWN));
        model.addAttribute("waiting", batches.waiting());
        model.addAttribute("today", statutoryClock.dateOf(clock.instant()));
        return "staff/opt-outs";
    }

    @GetMapping("/staff/opt-outs/{reference}")
    String batch(@PathVariable String reference, @ModelAttribute("me") StaffMember me, Model model,
                 HttpServletResponse response) {
        if (!me.overseesAllRequests()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "error/denied";
        }
        Optional<BatchView> batch = batches.find(reference);
        if (batch.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("reference", reference.length() > 40 ? reference.substring(0, 40) : reference);
            return "staff/request-not-found";
        }
        model.addAttribute("batch", batch.get());
        model.addAttribute("today", statutoryClock.dateOf(clock.instant()));
        model.addAttribute("timeline", timeline.entries(reference));
        model.addAttribute("intact", timeline.isIntact(reference));
        model.addAttribute("openTasks", tasks.openTasksOf(reference));
        return "staff/opt-out-batch";
    }

    /**
     * The batch's email addresses as CSV, for an owner applying it by hand: only while a task of this batch is open
     * to them (or for a privacy officer), and each download is on the batch's timeline.
     */
    @GetMapping("/staff/opt-outs/{reference}/people.csv")
    void people(@PathVariable String reference, @ModelAttribute("me") StaffMember me, HttpServletResponse response)
            throws IOException {
        Optional<BatchView> batch = batches.find(reference);
        boolean allowed = batch.isPresent() && (me.overseesAllRequests() || tasks.seesBatchTask(reference, me));
        if (!allowed) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<DataSubject> people = batches.subjectsOf(batch.get().id());
        transaction.executeWithoutResult(status -> {
            timeline.record(reference, me.username(), TimelineKind.SYSTEM_STEP,
                    "The list of " + people.size() + " email address(es) was downloaded to apply it by hand.");
            accessLog.record(me.username(), AccessKind.OPT_OUT_CSV, reference, null);
        });
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + reference + "-people.csv\"");
        response.setHeader("Cache-Control", "no-store");
        try (SpreadsheetCsv csv = new SpreadsheetCsv(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8))) {
            csv.row(List.of("email"));
            for (DataSubject person : people) {
                csv.row(List.of(person.email()));
            }
        }
    }
}
