package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_AT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.rightsflow.deadline.Regime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rightsflow.deadline.StatutoryClock;

/**
 * When the process reminds, escalates and marks a task due, for a due date in the clock's zone: reminders at 09:00
 * local time 10 and 3 days before and on the due day, the task due at the last second of the due day, overdue from
 * the next midnight and every day after.
 * London's clocks go back on Sunday 31 October 2027 (BST, UTC+1 -> GMT, UTC+0) and forward on Sunday 28 March 2027.
 */
class DueDateTimersTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The ladder's rungs, by these names next to the process variables. */
    private static final String FIRST_REMINDER_AT = "first", SECOND_REMINDER_AT = "second",
            DUE_DAY_REMINDER_AT = "dueDay";

    private static Map<String, Object> variables(ZoneId zone, LocalDate due) {
        return variables(new DueDateTimers(StatutoryClock.shipped(zone)), null, due);
    }

    private static Map<String, Object> variables(DueDateTimers timers, Regime regime, LocalDate due) {
        Map<String, Object> variables = new java.util.HashMap<>(timers.variablesFor(regime, due));
        variables.put(FIRST_REMINDER_AT, timers.rungAt(regime, due, DueDateTimers.Rung.FIRST_REMINDER));
        variables.put(SECOND_REMINDER_AT, timers.rungAt(regime, due, DueDateTimers.Rung.SECOND_REMINDER));
        variables.put(DUE_DAY_REMINDER_AT, timers.rungAt(regime, due, DueDateTimers.Rung.DUE_DAY_REMINDER));
        assertThat(timers.rungAt(regime, due, DueDateTimers.Rung.OVERDUE)).isEqualTo(variables.get(OVERDUE_AT));
        return variables;
    }

    private static Instant at(Map<String, Object> variables, String name) {
        return ((Date) variables.get(name)).toInstant();
    }

    static Stream<Arguments> timers() {
        return Stream.of(
                Arguments.of("UTC, an ordinary week", ZoneOffset.UTC, "2027-03-01",
                        "2027-02-19T09:00:00Z", "2027-02-26T09:00:00Z", "2027-03-01T09:00:00Z", "2027-03-01T23:59:59Z",
                        "2027-03-02T00:00:00Z"),
                Arguments.of("London, first reminder in BST, the rest in GMT", LONDON, "2027-11-03",
                        "2027-10-24T08:00:00Z", "2027-10-31T09:00:00Z", "2027-11-03T09:00:00Z", "2027-11-03T23:59:59Z",
                        "2027-11-04T00:00:00Z"),
                Arguments.of("London, due on the day the clocks go back", LONDON, "2027-10-31",
                        "2027-10-21T08:00:00Z", "2027-10-28T08:00:00Z", "2027-10-31T09:00:00Z", "2027-10-31T23:59:59Z",
                        "2027-11-01T00:00:00Z"),
                Arguments.of("London, due the day before the clocks go back", LONDON, "2027-10-30",
                        "2027-10-20T08:00:00Z", "2027-10-27T08:00:00Z", "2027-10-30T08:00:00Z", "2027-10-30T22:59:59Z",
                        "2027-10-30T23:00:00Z"),
                Arguments.of("London, second reminder the day after the clocks go back", LONDON, "2027-11-04",
                        "2027-10-25T08:00:00Z", "2027-11-01T09:00:00Z", "2027-11-04T09:00:00Z", "2027-11-04T23:59:59Z",
                        "2027-11-05T00:00:00Z"),
                Arguments.of("London, due on the day the clocks go forward", LONDON, "2027-03-28",
                        "2027-03-18T09:00:00Z", "2027-03-25T09:00:00Z", "2027-03-28T08:00:00Z", "2027-03-28T22:59:59Z",
                        "2027-03-28T23:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timers")
    void remindersAtNineLocalTimeDueAtTheLastSecondOverdueFromTheNextMidnight(
            String why, ZoneId zone, String due, String firstReminder, String secondReminder, String dueDayReminder,
            String dueAt, String overdueAt) {
        Map<String, Object> variables = variables(zone, LocalDate.parse(due));

        assertThat(variables).containsOnlyKeys(DUE_DATE, FIRST_REMINDER_AT, SECOND_REMINDER_AT, DUE_DAY_REMINDER_AT,
                OVERDUE_AT);
        assertThat(at(variables, FIRST_REMINDER_AT)).isEqualTo(Instant.parse(firstReminder));
        assertThat(at(variables, SECOND_REMINDER_AT)).isEqualTo(Instant.parse(secondReminder));
        assertThat(at(variables, DUE_DAY_REMINDER_AT)).isEqualTo(Instant.parse(dueDayReminder));
        assertThat(at(variables, DUE_DATE)).isEqualTo(Instant.parse(dueAt));
        assertThat(at(variables, OVERDUE_AT)).isEqualTo(Instant.parse(overdueAt));
    }

    @Test
    void inLondonTheRemindersAreAtNineOnTheWallClockOnBothSidesOfTheChange() {
        Map<String, Object> variables = variables(LONDON, LocalDate.of(2027, 11, 3));

        assertThat(at(variables, FIRST_REMINDER_AT).atZone(LONDON).toLocalDateTime())
                .isEqualTo("2027-10-24T09:00");
        assertThat(at(variables, SECOND_REMINDER_AT).atZone(LONDON).toLocalDateTime())
                .isEqualTo("2027-10-31T09:00");
    }

    @Test
    void aRegimeHasItsOwnReminderDaysAndTheOthersTheGeneralOnes() {
        DueDateTimers timers = new DueDateTimers(StatutoryClock.shipped(ZoneOffset.UTC), new EscalationProperties(
                List.of(10, 3), Map.of(Regime.CCPA, new EscalationProperties.Ladder(List.of(7, 2)))));
        LocalDate due = LocalDate.of(2027, 3, 1);

        assertThat(at(variables(timers, Regime.CCPA, due), FIRST_REMINDER_AT)).isEqualTo("2027-02-22T09:00:00Z");
        assertThat(at(variables(timers, Regime.CCPA, due), SECOND_REMINDER_AT)).isEqualTo("2027-02-27T09:00:00Z");
        assertThat(at(variables(timers, Regime.GDPR, due), FIRST_REMINDER_AT)).isEqualTo("2027-02-19T09:00:00Z");
        assertThatThrownBy(() -> new EscalationProperties(List.of(3, 10), null))
                .hasMessageContaining("the earlier first");
    }

    @Test
    void theEscalationRepeatsAtLocalMidnightAfterNowAndOncePerDayMissed() {
        DueDateTimers london = new DueDateTimers(StatutoryClock.shipped(LONDON));
        Date overdueAt = london.rungAt(null, LocalDate.of(2027, 10, 30), DueDateTimers.Rung.OVERDUE);

        // Fired on time: the next midnight, London time, across the change of the clocks (a 25-hour day).
        assertThat(london.nextEscalation(overdueAt, overdueAt.toInstant()).toInstant())
                .isEqualTo("2027-11-01T00:00:00Z");
        // Fired after a node was down three days: one escalation, the next at the first midnight to come.
        assertThat(london.nextEscalation(overdueAt, Instant.parse("2027-11-02T10:00:00Z")).toInstant())
                .isEqualTo("2027-11-03T00:00:00Z");
    }

    @Test
    void theRequestIsNotOverdueDuringItsLastDayAndIsOneSecondAfterIt() {
        Map<String, Object> variables = variables(LONDON, LocalDate.of(2027, 10, 30));

        assertThat(at(variables, OVERDUE_AT)).isEqualTo(at(variables, DUE_DATE).plusSeconds(1));
    }

    @Test
    void theTimerDatesReadBackAsTheDueDateInTheClocksZone() {
        DueDateTimers london = new DueDateTimers(StatutoryClock.shipped(LONDON));
        LocalDate due = LocalDate.of(2027, 10, 30);
        Map<String, Object> variables = london.variablesFor(due);

        assertThat(london.dateOf((Date) variables.get(DUE_DATE))).isEqualTo(due);
        assertThat(london.dateOf((Date) variables.get(OVERDUE_AT))).isEqualTo(due.plusDays(1));
        // The same instant (22:59:59 UTC) is the due day in UTC too, but its overdue instant (23:00 UTC) is not yet
        // the next day there: reading must use the clock's zone.
        DueDateTimers utc = new DueDateTimers(StatutoryClock.shipped(ZoneOffset.UTC));
        assertThat(utc.dateOf((Date) variables.get(OVERDUE_AT))).isEqualTo(due);
    }
}
