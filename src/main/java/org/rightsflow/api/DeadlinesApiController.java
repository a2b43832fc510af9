package org.rightsflow.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.deadline.StatutoryDeadline;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/deadlines?regime=GDPR&type=ACCESS&received=2027-01-31}: the statutory dates for a request
 * received on that day. Public: it holds no personal data.
 */
@RestController
class DeadlinesApiController {

    private final StatutoryClock clock;

    DeadlinesApiController(StatutoryClock clock) {
        this.clock = clock;
    }

    @GetMapping("/api/v1/deadlines")
    DeadlineResource deadline(@RequestParam(required = false) String regime,
                              @RequestParam(required = false) String type,
                              @RequestParam(required = false) String received) {
        List<FieldProblem> problems = new ArrayList<>();
        Regime parsedRegime = ApiValues.require(Regime.class, "regime", regime, problems);
        RequestType parsedType = ApiValues.require(RequestType.class, "type", type, problems);
        LocalDate receivedOn = null;
        try {
            if (received == null || received.isBlank()) {
                problems.add(new FieldProblem("received", "is required"));
            } else {
                receivedOn = LocalDate.parse(received.strip());
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("received", "must be a date like 2027-01-31"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        StatutoryDeadline deadline = clock.deadlineNeverLate(parsedRegime, parsedType, receivedOn);
        return new DeadlineResource(deadline.due(), deadline.extendedDue(), deadline.acknowledgeBy(),
                deadline.statutoryRight(), deadline.source());
    }

    /**
     * The three dates, plus whether the regime grants this right at all and where the rule comes from.
     * {@code acknowledgeBy} is null where the regime requires no confirmation of receipt.
     */
    record DeadlineResource(LocalDate due, LocalDate extendedDue, LocalDate acknowledgeBy, boolean statutoryRight,
                            String source) {
    }
}
