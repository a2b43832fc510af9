package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
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
 * A year or law that is not one of the form's (a hand-made or old link) is answered 400 with the reasons, not
 * silently with this year's figures, which would pass for the year asked for.
 */
@Controller
class RecordsController {

    /** No request is older than the software's first year. */
    private static final int FIRST_YEAR = 2000;

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
        Choice choice = choice(year, law);
        int shown = choice.year();
        model.addAttribute("year", shown);
        model.addAttribute("years", List.of(shown - 2, shown - 1, shown, shown + 1).stream()
                .filter(y -> y <= currentYear()).toList());
        model.addAttribute("law", choice.regime().map(Enum::name).orElse(""));
        if (!choice.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", choice.problems());
            model.addAttribute("rows", List.of());
            return "staff/records";
        }
        model.addAttribute("rows", rows(shown, choice.regime()));
        return "staff/records";
    }

    /** A bad year or law: the page with the reasons (400), not a file, so the person sees why. */
    @GetMapping("/staff/records.csv")
    String csv(@RequestParam(required = false) String year, @RequestParam(required = false) String law,
               @ModelAttribute("me") StaffMember me, Model model, HttpServletResponse response) throws IOException {
        if (!me.overseesAllRequests()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return null;
        }
        Choice choice = choice(year, law);
        if (!choice.problems().isEmpty()) {
            return records(year, law, me, model, response);
        }
        int shown = choice.year();
        Optional<Regime> regime = choice.regime();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"request-metrics-" + shown
                + regime.map(r -> "-" + r.name()).orElse("") + ".csv\"");
        RequestMetrics.csv(shown, rows(shown, regime),
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        return null;
    }

    private List<RequestMetrics.Row> rows(int year, Optional<Regime> regime) {
        return figures.year(year, regime);
    }

    /** The year and law asked for (none: this year, every law), and why they cannot be shown. */
    private record Choice(int year, Optional<Regime> regime, List<String> problems) {
    }

    private Choice choice(String year, String law) {
        int current = currentYear();
        List<String> problems = new ArrayList<>();
        int shown = current;
        if (year != null && !year.isBlank()) {
            try {
                int asked = Integer.parseInt(year.strip());
                if (asked < FIRST_YEAR || asked > current) {
                    problems.add("There are no records for the year " + asked + ": choose a year from " + FIRST_YEAR
                            + " to " + current + ".");
                } else {
                    shown = asked;
                }
            } catch (NumberFormatException e) {
                problems.add("\"" + shortened(year) + "\" is not a year: choose one from the list.");
            }
        }
        Optional<Regime> regime = EnumNames.parse(Regime.class, law);
        if (law != null && !law.isBlank() && regime.isEmpty()) {
            problems.add("There is no law \"" + shortened(law) + "\": choose one from the list, or all laws.");
        }
        return new Choice(shown, regime, problems);
    }

    private int currentYear() {
        return statutoryClock.dateOf(clock.instant()).getYear();
    }

    /** Echoed as typed, but no longer than a line. */
    private static String shortened(String value) {
        String stripped = value.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }
}
