package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.reporting.RequestFigures;
import org.rightsflow.reporting.RequestMetrics;
import org.rightsflow.security.StaffMember;
import org.rightsflow.support.EnumNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The request records and metrics for privacy officers: per kind of request in a calendar year (and optionally one
 * law), how many came, were complied with, denied, are open, and how many days the answers took (CCPA §7102), with
 * the opt-outs the ledger carried in batches counted beside the requests. Also as CSV, for the annual publication.
 */
@Controller
class RecordsController {

    private final RequestFigures figures;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    RecordsController(RequestFigures figures, StatutoryClock statutoryClock, Clock clock) {
        this.figures = figures;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
    }

    @GetMapping("/staff/records")
    String records(@RequestParam(required = false) String year, @RequestParam(required = false) String law,
                   @ModelAttribute("me") StaffMember me, Model model, HttpServletResponse response) {
        if (!me.overseesAllRequests()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "error/denied";
        }
        int shown = year(year);
        Optional<Regime> regime = EnumNames.parse(Regime.class, law);
        model.addAttribute("year", shown);
        model.addAttribute("years", List.of(shown - 2, shown - 1, shown, shown + 1).stream()
                .filter(y -> y <= statutoryClock.dateOf(clock.instant()).getYear()).toList());
        model.addAttribute("law", regime.map(Enum::name).orElse(""));
        model.addAttribute("regimes", List.of(Regime.values()));
        model.addAttribute("rows", rows(shown, regime));
        return "staff/records";
    }

    @GetMapping("/staff/records.csv")
    void csv(@RequestParam(required = false) String year, @RequestParam(required = false) String law,
             @ModelAttribute("me") StaffMember me, HttpServletResponse response) throws IOException {
        if (!me.overseesAllRequests()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        int shown = year(year);
        Optional<Regime> regime = EnumNames.parse(Regime.class, law);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"request-metrics-" + shown
                + regime.map(r -> "-" + r.name()).orElse("") + ".csv\"");
        RequestMetrics.csv(shown, rows(shown, regime),
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    private List<RequestMetrics.Row> rows(int year, Optional<Regime> regime) {
        return figures.year(year, regime);
    }

    private int year(String requested) {
        int current = statutoryClock.dateOf(clock.instant()).getYear();
        try {
            int year = requested == null || requested.isBlank() ? current : Integer.parseInt(requested.strip());
            return year < 2000 || year > current ? current : year;
        } catch (NumberFormatException e) {
            return current;
        }
    }
}
