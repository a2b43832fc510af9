package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DAY_REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.FIRST_REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_CYCLE;
import static org.rightsflow.workflow.ProcessModel.Variables.SECOND_REMINDER_AT;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.StatutoryClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a request's due date (a calendar date in the clock's zone) into the process variables the BPMN timers
 * and task due dates read. Recomputing them and re-evaluating the timers is how a deadline change reaches the
 * running process.
 */
@Component
class DueDateTimers {

    /** Reminders go out at the start of a working morning in the clock's zone. */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final ZoneId zone;
    private final EscalationProperties escalation;

    /** The default ladder (10 and 3 days before, the due day, daily when overdue). */
    DueDateTimers(StatutoryClock clock) {
        this(clock, new EscalationProperties(null, null));
    }

    @Autowired
    DueDateTimers(StatutoryClock clock, EscalationProperties escalation) {
        this.zone = clock.zone();
        this.escalation = escalation;
    }

    /** The general ladder's dates, for what is not a request of one regime (opt-out batches, appeals). */
    Map<String, Object> variablesFor(LocalDate due) {
        return variablesFor(null, due);
    }

    /** The dates of the regime's ladder for this due date. */
    Map<String, Object> variablesFor(Regime regime, LocalDate due) {
        List<Integer> days = escalation.reminderDays(regime);
        Date overdueAt = date(due.plusDays(1).atStartOfDay());
        Map<String, Object> variables = new HashMap<>();
        // The due day runs to its last second (Reg. 1182/71 Art. 3(2)(c): "expiry of the last hour").
        variables.put(DUE_DATE, date(due.atTime(LocalTime.MAX.withNano(0))));
        variables.put(FIRST_REMINDER_AT, date(due.minusDays(days.get(0)).atTime(REMINDER_TIME)));
        variables.put(SECOND_REMINDER_AT, date(due.minusDays(days.get(1)).atTime(REMINDER_TIME)));
        variables.put(DUE_DAY_REMINDER_AT, date(due.atTime(REMINDER_TIME)));
        variables.put(OVERDUE_AT, overdueAt);
        variables.put(OVERDUE_CYCLE, "R/" + overdueAt.toInstant() + "/P1D");
        return variables;
    }

    LocalDate dateOf(Date instant) {
        return instant.toInstant().atZone(zone).toLocalDate();
    }

    private Date date(java.time.LocalDateTime local) {
        return Date.from(local.atZone(zone).toInstant());
    }
}
