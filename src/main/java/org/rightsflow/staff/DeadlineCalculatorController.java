package org.rightsflow.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.support.EnumNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For staff who log a request received by post or phone: the statutory dates for a regime, a type and the day
 * it arrived.
 */
@Controller
class DeadlineCalculatorController {

    private final StatutoryClock clock;
    private final Clock now;

    DeadlineCalculatorController(StatutoryClock clock, Clock now) {
        this.clock = clock;
        this.now = now;
    }

    @GetMapping("/staff/deadlines")
    String calculator(@RequestParam(required = false) String regime, @RequestParam(required = false) String type,
                      @RequestParam(required = false) String received, Model model) {
        model.addAttribute("requestTypes", List.of(RequestType.values()));
        model.addAttribute("regime", regime);
        model.addAttribute("type", type);
        model.addAttribute("received", received == null ? clock.dateOf(now.instant()).toString() : received);
        if (regime == null && type == null && received == null) {
            return "staff/deadlines";
        }
        Optional<Regime> parsedRegime = EnumNames.parse(Regime.class, regime);
        Optional<RequestType> parsedType = EnumNames.parse(RequestType.class, type);
        Optional<LocalDate> parsedDate = parseDate(received);
        if (parsedRegime.isEmpty()) {
            model.addAttribute("regimeError", "Choose a regime");
        }
        if (parsedType.isEmpty()) {
            model.addAttribute("typeError", "Choose a request type");
        }
        if (parsedDate.isEmpty()) {
            model.addAttribute("receivedError", "Enter the date as YYYY-MM-DD, e.g. 2027-01-31");
        }
        if (parsedRegime.isPresent() && parsedType.isPresent() && parsedDate.isPresent()) {
            model.addAttribute("deadline", clock.deadlineNeverLate(parsedRegime.get(), parsedType.get(), parsedDate.get()));
            model.addAttribute("policy", clock.policy(parsedRegime.get()));
        }
        return "staff/deadlines";
    }

    private static Optional<LocalDate> parseDate(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
