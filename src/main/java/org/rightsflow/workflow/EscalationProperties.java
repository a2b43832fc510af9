package org.rightsflow.workflow;

import java.util.List;
import java.util.Map;
import org.rightsflow.deadline.Regime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rightsflow.escalation.*}: the escalation ladder of a request. Before the due date the assignees (or their
 * group) are reminded twice, {@code reminder-days} days before (default 10 and 3), then on the due day itself; from
 * the next day the privacy officers are alerted every day until the request is carried out. A regime may have its
 * own two reminder days under {@code regimes.<REGIME>.reminder-days}.
 *
 * @param reminderDays the two reminders before the due date, in days before it, the earlier first (10, 3)
 * @param regimes      per regime, its own two reminder days
 */
@ConfigurationProperties("rightsflow.escalation")
public record EscalationProperties(List<Integer> reminderDays, Map<Regime, Ladder> regimes) {

    static final List<Integer> DEFAULT_REMINDER_DAYS = List.of(10, 3);

    public EscalationProperties {
        reminderDays = reminderDays == null || reminderDays.isEmpty() ? DEFAULT_REMINDER_DAYS : List.copyOf(reminderDays);
        regimes = regimes == null ? Map.of() : Map.copyOf(regimes);
        check(reminderDays, "rightsflow.escalation.reminder-days");
        regimes.forEach((regime, ladder) -> check(ladder.reminderDays(),
                "rightsflow.escalation.regimes." + regime + ".reminder-days"));
    }

    /**
     * One regime's own reminder days.
     *
     * @param reminderDays the regime's two reminders before the due date, in days before it, the earlier first
     */
    public record Ladder(List<Integer> reminderDays) {
    }

    /** The two reminder days for this regime (null: the general ones), the earlier first. */
    List<Integer> reminderDays(Regime regime) {
        Ladder own = regime == null ? null : regimes.get(regime);
        return own == null || own.reminderDays() == null ? reminderDays : own.reminderDays();
    }

    private static void check(List<Integer> days, String property) {
        if (days == null || days.size() != 2 || days.get(0) <= days.get(1) || days.get(1) < 1) {
            throw new IllegalArgumentException(property + " must be two numbers of days before the due date, the "
                    + "earlier first, e.g. 10, 3 (found " + days + ")");
        }
    }
}
