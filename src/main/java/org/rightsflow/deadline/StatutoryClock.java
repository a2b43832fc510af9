package org.rightsflow.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes the statutory dates of a data subject request: due, extended due and acknowledge-by, from the regime's
 * policy and holiday calendar. Immutable and thread-safe; plain Java.
 *
 * <p>The counting conventions (docs/legal-rules.md#counting; docs/statutory-clock.md):
 * <ul>
 *   <li>The clock start date is day 0: the day of receipt itself is never counted, even when it is not a working day.</li>
 *   <li>Months: the same-numbered day N months later, or the month's last day if there is no such day, then rolled to
 *       the next working day of the regime's calendar. The extended date is computed from the clock start, not from
 *       the rolled due date.</li>
 *   <li>Calendar days: clock start + N days, not rolled (unless the policy says roll).</li>
 *   <li>Business days: the N-th working day strictly after the clock start.</li>
 * </ul>
 */
public final class StatutoryClock {

    /** The shipped calendar with weekends and no holidays; valid for every year. */
    static final String WEEKENDS_ONLY = "NONE";

    private final RegimePolicies policies;
    private final HolidayCalendars calendars;
    private final ZoneId zone;

    /**
     * @throws IllegalArgumentException if a regime's policy names a holiday calendar that does not exist
     */
    public StatutoryClock(RegimePolicies policies, HolidayCalendars calendars, ZoneId zone) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.zone = Objects.requireNonNull(zone, "zone");
        for (Regime regime : Regime.values()) {
            String calendarId = policies.policy(regime).calendarId();
            if (!calendars.ids().contains(calendarId)) {
                throw new IllegalArgumentException("The policy for " + regime + " uses holiday calendar '" + calendarId
                        + "', which does not exist; known calendars: " + String.join(", ", calendars.ids()));
            }
        }
    }

    /** A clock with the shipped policies and calendars, for plain-Java use and tests. */
    public static StatutoryClock shipped(ZoneId zone) {
        return new StatutoryClock(RegimePolicies.shipped(), HolidayCalendars.shipped(), zone);
    }

    /**
     * The statutory dates for a request under {@code regime}, with the clock starting on {@code clockStart}.
     *
     * @throws HolidayDataMissingException if a date has to be checked against a calendar year that has no holiday data
     */
    public StatutoryDeadline deadline(Regime regime, RequestType type, LocalDate clockStart) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clockStart, "clockStart");
        ConfiguredRegimePolicy policy = policies.configured(regime);
        HolidayCalendar calendar = calendars.calendar(policy.calendarId());
        boolean statutoryRight = policy.grants(type);
        DeadlineRule rule = policy.ruleFor(type);

        LocalDate due = rule.response().endFrom(clockStart, calendar);
        // docs/legal-rules.md#extension-from-clock-start: the extended period runs from the clock start (clock start
        // + 3 months, clamped and rolled), not from the rolled due date. No extension: extendedDue = due.
        LocalDate extendedDue = rule.extended() == null ? due : rule.extended().endFrom(clockStart, calendar);
        // docs/legal-rules.md#ccpa-receipt-confirmation. A type the regime does not grant carries no statutory duty to
        // acknowledge, so no acknowledgement date is set for it (docs/legal-rules.md#not-granted).
        LocalDate acknowledgeBy = statutoryRight && rule.acknowledgement() != null
                ? rule.acknowledgement().endFrom(clockStart, calendar)
                : null;
        return new StatutoryDeadline(regime, type, clockStart, due, extendedDue, acknowledgeBy, statutoryRight,
                policy.source(type));
    }

    /** As {@link #deadline(Regime, RequestType, LocalDate)}, with the clock start taken as a date in this clock's zone. */
    public StatutoryDeadline deadline(Regime regime, RequestType type, Instant clockStart) {
        return deadline(regime, type, dateOf(clockStart));
    }

    /**
     * As {@link #deadline(Regime, RequestType, LocalDate)}, but never refuses: where the regime's calendar has no
     * holiday data for a year the period reaches, the period is counted with weekends only. Leaving holidays out can
     * only end a period on the same day or earlier (fewer days to roll over or skip), never later than the law's date,
     * so a request is never turned away and never given a late date. The source says what happened, for staff.
     */
    public StatutoryDeadline deadlineNeverLate(Regime regime, RequestType type, LocalDate clockStart) {
        try {
            return deadline(regime, type, clockStart);
        } catch (HolidayDataMissingException missing) {
            ConfiguredRegimePolicy policy = policies.configured(regime);
            HolidayCalendar weekendsOnly = calendars.calendar(WEEKENDS_ONLY);
            DeadlineRule rule = policy.ruleFor(type);
            boolean statutoryRight = policy.grants(type);
            LocalDate due = rule.response().endFrom(clockStart, weekendsOnly);
            LocalDate extendedDue = rule.extended() == null ? due : rule.extended().endFrom(clockStart, weekendsOnly);
            LocalDate acknowledgeBy = statutoryRight && rule.acknowledgement() != null
                    ? rule.acknowledgement().endFrom(clockStart, weekendsOnly)
                    : null;
            return new StatutoryDeadline(regime, type, clockStart, due, extendedDue, acknowledgeBy, statutoryRight,
                    policy.source(type) + " [counted without public holidays: calendar " + policy.calendarId()
                            + " has no holiday data that far; the legal date is this one or later]");
        }
    }

    /** As {@link #deadlineNeverLate(Regime, RequestType, LocalDate)}, from an instant in this clock's zone. */
    public StatutoryDeadline deadlineNeverLate(Regime regime, RequestType type, Instant clockStart) {
        return deadlineNeverLate(regime, type, dateOf(clockStart));
    }

    /**
     * The date by which an appeal lodged on {@code appealedOn} must be decided, where the regime grants appeals.
     * Counted like any period of the regime; where the calendar has no holiday data that far, without holidays.
     */
    public Optional<LocalDate> appealDue(Regime regime, LocalDate appealedOn) {
        ConfiguredRegimePolicy policy = policies.configured(regime);
        if (policy.appeal() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(policy.appeal().response().endFrom(appealedOn, calendars.calendar(policy.calendarId())));
        } catch (HolidayDataMissingException missing) {
            return Optional.of(policy.appeal().response().endFrom(appealedOn, calendars.calendar(WEEKENDS_ONLY)));
        }
    }

    /** The citation of the regime's appeal period, where it grants appeals. */
    public Optional<String> appealSource(Regime regime) {
        return Optional.ofNullable(policies.configured(regime).appeal()).map(DeadlineRule::source);
    }

    /**
     * The due date once a paused clock runs again: the due date moved by the days the clock stood still, and, where the
     * regime's period for this type rolls (month periods), rolled to the next working day like the period itself.
     * Where the calendar has no holiday data that far, only weekends roll (never later than the law's date).
     */
    public LocalDate afterPause(Regime regime, RequestType type, LocalDate due, long pausedDays) {
        if (pausedDays < 0) {
            throw new IllegalArgumentException("pausedDays must not be negative");
        }
        LocalDate moved = due.plusDays(pausedDays);
        ConfiguredRegimePolicy policy = policies.configured(regime);
        if (pausedDays == 0 || !policy.ruleFor(type).response().roll()) {
            return moved;
        }
        try {
            return calendars.calendar(policy.calendarId()).onOrNextWorkingDay(moved);
        } catch (HolidayDataMissingException missing) {
            return calendars.calendar(WEEKENDS_ONLY).onOrNextWorkingDay(moved);
        }
    }

    /** The last day each holiday calendar has data for (absent for calendars without holidays, valid for any year). */
    public Map<String, LocalDate> holidayDataEnds() {
        Map<String, LocalDate> ends = new TreeMap<>();
        for (String id : calendars.ids()) {
            LocalDate end = calendars.calendar(id).coverageTo();
            if (end != null) {
                ends.put(id, end);
            }
        }
        return ends;
    }

    /** The calendar date of {@code instant} in this clock's zone. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public RegimePolicy policy(Regime regime) {
        return policies.policy(regime);
    }

    /**
     * Whether {@code date} is neither a weekend day nor a holiday in the calendar.
     *
     * @throws IllegalArgumentException    if there is no calendar with that id
     * @throws HolidayDataMissingException if the calendar has no holiday data for the date
     */
    public boolean isWorkingDay(String calendarId, LocalDate date) {
        return calendars.calendar(calendarId).isWorkingDay(Objects.requireNonNull(date, "date"));
    }
}
