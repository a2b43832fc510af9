package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.NEXT_REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.REGIME;
import static org.rightsflow.workflow.ProcessModel.Variables.REMINDER_RUNG;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rightsflow.deadline.Regime;
import org.rightsflow.workflow.DueDateTimers.Rung;
import org.springframework.stereotype.Component;

/**
 * Public only because the engine's expression language calls {@link #planNext} by reflection.
 *
 * <p>Arms the one timer of a request's reminder ladder ("Plan the next rung", {@code ${deadlineLadder.planNext(execution)}}):
 * the first rung when the request is carried out, the rung after the one that just went out otherwise. A request
 * thus holds one timer job, whatever the length of its ladder (four timers each for 100,000 open requests made
 * Camunda's job acquisition read 400,000 rows).
 *
 * <p>A rung's date comes from the due date, never from the time it fired: a node that was down past several rungs
 * sends each missed reminder once when it is back, as the separate timers did. The overdue rung repeats daily.
 */
@Component("deadlineLadder")
public class DeadlineLadder {

    private final DueDateTimers timers;
    private final Clock clock;

    DeadlineLadder(DueDateTimers timers, Clock clock) {
        this.timers = timers;
        this.clock = clock;
    }

    public void planNext(DelegateExecution execution) {
        Object fired = execution.getVariable(REMINDER_RUNG);
        Rung next;
        Date at;
        if (fired == null) {
            next = Rung.FIRST_REMINDER;
            at = dateOf(execution, next);
        } else if (Rung.valueOf((String) fired) == Rung.OVERDUE) {
            next = Rung.OVERDUE;
            at = timers.nextEscalation((Date) execution.getVariable(NEXT_REMINDER_AT), clock.instant());
        } else {
            next = Rung.valueOf((String) fired).next();
            at = dateOf(execution, next);
        }
        execution.setVariable(REMINDER_RUNG, next.name());
        execution.setVariable(NEXT_REMINDER_AT, at);
    }

    /** The date of this rung for the request's current due date (a moved deadline included). */
    private Date dateOf(DelegateExecution execution, Rung rung) {
        return rungAt(execution.getVariable(REGIME), (Date) execution.getVariable(DUE_DATE), rung);
    }

    /** The rung's date for a process's regime variable and due date variable. */
    Date rungAt(Object regime, Date dueDate, Rung rung) {
        LocalDate due = timers.dateOf(dueDate);
        return timers.rungAt(regime == null ? null : Regime.valueOf(regime.toString()), due, rung);
    }
}
