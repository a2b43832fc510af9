package org.rightsflow.staff;

import java.time.Period;
import java.util.List;
import org.rightsflow.retention.LawPreview;
import org.rightsflow.retention.RecordsPurge;
import org.rightsflow.retention.PurgeLog;
import org.rightsflow.retention.PurgeReport;
import org.rightsflow.security.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Records retention for privacy officers: each law's period, what the next purge will remove, and the log of the
 * purges (counts only). An administrator may run the purge at once instead of waiting for the night.
 */
@Controller
class RetentionController {

    /** One law's row on the page, the period in words. */
    record LawRow(String law, String period, java.time.Instant closedBefore, long requests) {
    }

    private final RecordsPurge purge;
    private final PurgeLog log;

    RetentionController(RecordsPurge purge, PurgeLog log) {
        this.purge = purge;
        this.log = log;
    }

    @GetMapping("/staff/retention")
    String page(Model model) {
        List<LawRow> laws = purge.preview().stream().map(RetentionController::row).toList();
        model.addAttribute("laws", laws);
        model.addAttribute("dueForPurge", laws.stream().mapToLong(LawRow::requests).sum());
        model.addAttribute("purges", log.latest(20));
        return "staff/retention";
    }

    @PostMapping("/staff/retention/purge")
    String purgeNow(@ModelAttribute("me") StaffMember me, RedirectAttributes redirect) {
        PurgeReport report = purge.purgeNow();
        redirect.addFlashAttribute("notice", report.requests() + " request(s) past their retention period removed.");
        return "redirect:/staff/retention";
    }

    private static LawRow row(LawPreview preview) {
        return new LawRow(preview.law().lawName(), inWords(preview.period()), preview.closedBefore(),
                preview.requests());
    }

    static String inWords(Period period) {
        long months = period.toTotalMonths();
        StringBuilder words = new StringBuilder();
        if (months > 0) {
            words.append(months).append(months == 1 ? " month" : " months");
        }
        if (period.getDays() > 0) {
            words.append(words.isEmpty() ? "" : " and ").append(period.getDays()).append(period.getDays() == 1 ? " day" : " days");
        }
        return words.toString();
    }
}
