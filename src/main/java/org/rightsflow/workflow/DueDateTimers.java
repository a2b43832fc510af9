package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.FIRST_REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.SECOND_REMINDER_AT;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.rightsflow.deadline.StatutoryClock;
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
    static final int FIRST_REMINDER_DAYS_BEFORE = 7;
    static final int SECOND_REMINDER_DAYS_BEFORE = 2;

    private final ZoneId zone;

    DueDateTimers(StatutoryClock clock) {
        this.zone = clock.zone();
    }

    Map<String, Object> variablesFor(LocalDate due) {
        return Map.of(
                // The due day runs to its last second (Reg. 1182/71 Art. 3(2)(c): "expiry of the last hour").
                DUE_DATE, date(due.atTime(LocalTime.MAX.withNano(0))),
                FIRST_REMINDER_AT, date(due.minusDays(FIRST_REMINDER_DAYS_BEFORE).atTime(REMINDER_TIME)),
                SECOND_REMINDER_AT, date(due.minusDays(SECOND_REMINDER_DAYS_BEFORE).atTime(REMINDER_TIME)),
                OVERDUE_AT, date(due.plusDays(1).atStartOfDay()));
    }

    LocalDate dateOf(Date instant) {
        return instant.toInstant().atZone(zone).toLocalDate();
    }

    private Date date(java.time.LocalDateTime local) {
        return Date.from(local.atZone(zone).toInstant());
    }
}
