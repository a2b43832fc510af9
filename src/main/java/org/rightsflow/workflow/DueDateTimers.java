package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_AT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * and task due dates read, and into the dates of the rungs of its reminder ladder. Recomputing them and moving the
 * pending timer is how a deadline change reaches the running process.
 */
@Component
class DueDateTimers {

    /** Reminders go out at the start of a working morning in the clock's zone. */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    /**
     * The rungs of a request's ladder, in order. A request holds one timer, for the rung it waits for
     * ({@code reminderRung}, {@code nextReminderAt}); when it fires, the next rung is armed. The overdue rung repeats
     * every day.
     */
    enum Rung {
        /** {@code reminder-days}[0] days before the due date, 09:00. */
        FIRST_REMINDER,
        /** {@code reminder-days}[1] days before the due date, 09:00. */
        SECOND_REMINDER,
        /** On the due date, 09:00. */
        DUE_DAY_REMINDER,
        /** From 00:00 the day after the due date, every day: the escalation to the privacy officers. */
        OVERDUE;

        /** The rung after this one (the overdue rung repeats). */
        Rung next() {
            return this == OVERDUE ? OVERDUE : values()[ordinal() + 1];
        }
    }

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

    /** The due date and the first overdue moment, for what is not a request of one regime (batches, appeals). */
    Map<String, Object> variablesFor(LocalDate due) {
        return variablesFor(null, due);
    }

    /**
     * The due date (to its last second: Reg. 1182/71 Art. 3(2)(c), "expiry of the last hour") and the first
     * overdue moment. The regime does not change them; it changes the ladder's reminder days ({@link #rungAt}).
     */
    Map<String, Object> variablesFor(Regime regime, LocalDate due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DUE_DATE, date(due.atTime(LocalTime.MAX.withNano(0))));
        variables.put(OVERDUE_AT, rungAt(regime, due, Rung.OVERDUE));
        return variables;
    }

    /** When this rung of the regime's ladder is due for this due date (the overdue rung: its first time). */
    Date rungAt(Regime regime, LocalDate due, Rung rung) {
        List<Integer> days = escalation.reminderDays(regime);
        return switch (rung) {
            case FIRST_REMINDER -> date(due.minusDays(days.get(0)).atTime(REMINDER_TIME));
            case SECOND_REMINDER -> date(due.minusDays(days.get(1)).atTime(REMINDER_TIME));
            case DUE_DAY_REMINDER -> date(due.atTime(REMINDER_TIME));
            case OVERDUE -> date(due.plusDays(1).atStartOfDay());
        };
    }

    /**
     * The escalation after the one due at {@code previous}: the next midnight of the daily cycle that is after
     * {@code now}, so a node that was down for days sends one escalation when it is back, not one per missed day
     * (what Camunda's repeating timer {@code R/<overdueAt>/P1D} did).
     */
    Date nextEscalation(Date previous, Instant now) {
        LocalDateTime next = previous.toInstant().atZone(zone).toLocalDateTime().plusDays(1);
        while (!next.atZone(zone).toInstant().isAfter(now)) {
            next = next.plusDays(1);
        }
        return date(next);
    }

    LocalDate dateOf(Date instant) {
        return instant.toInstant().atZone(zone).toLocalDate();
    }

    private Date date(LocalDateTime local) {
        return Date.from(local.atZone(zone).toInstant());
    }
}
