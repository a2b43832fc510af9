package org.rightsflow.deadline;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.Objects;
import org.rightsflow.support.YamlTree;

/**
 * A statutory period: an amount of a unit, and whether an end date that falls on a non-working day rolls forward to
 * the next working day.
 *
 * <p>Why {@code roll} is a setting and not a rule of the unit: for month periods the law itself rolls
 * (Reg. 1182/71 Art. 3(4), ICO guidance), so {@code roll} defaults to {@code true} for MONTHS. For CALENDAR_DAYS the
 * statutes (CCPA §7021(b), the US state laws, LGPD, PIPEDA, Quebec) count calendar days and say nothing about rolling;
 * rolling would produce a date later than the law's, so {@code roll} defaults to {@code false}. A business-day count
 * always ends on a working day, so {@code roll} changes nothing there.
 */
record Period(PeriodUnit unit, int amount, boolean roll) {

    Period {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("A period must be at least 1 " + unit + ", was " + amount);
        }
    }

    /**
     * A period as written: {@code {unit: MONTHS, amount: 1, roll: true}}. Roll may be left out: it defaults to true
     * for MONTHS and to false otherwise.
     */
    record PeriodYaml(@NotNull(message = YamlTree.REQUIRED) PeriodUnit unit,
                      @NotNull(message = YamlTree.REQUIRED)
                      @Positive(message = "is not a whole number greater than 0") Integer amount,
                      Boolean roll) {

        Period period() {
            return new Period(unit, amount, roll == null ? unit == PeriodUnit.MONTHS : roll);
        }
    }

    /** The last day of this period when the clock starts on {@code clockStart}. */
    LocalDate endFrom(LocalDate clockStart, HolidayCalendar calendar) {
        LocalDate end = switch (unit) {
            // docs/legal-rules.md#month-periods: same-numbered day N months later; plusMonths clamps to the last day of
            // the month when that day does not exist (31 Jan + 1 month = 28 or 29 Feb).
            case MONTHS -> clockStart.plusMonths(amount);
            // docs/legal-rules.md#clock-start-day-zero and #calendar-days-not-rolled: the day of receipt is day 0.
            case CALENDAR_DAYS -> clockStart.plusDays(amount);
            // docs/legal-rules.md#business-days: N business days = the N-th working day strictly after the clock start.
            case BUSINESS_DAYS -> calendar.workingDaysAfter(clockStart, amount);
        };
        // docs/legal-rules.md#month-roll: a period ending on a Saturday, Sunday or holiday ends on the next working day
        // instead.
        return roll ? calendar.onOrNextWorkingDay(end) : end;
    }

    @Override
    public String toString() {
        return amount + " " + unit + (roll ? " (rolled to a working day)" : "");
    }
}
