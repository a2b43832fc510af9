package org.rightsflow.deadline;

import org.rightsflow.support.YamlNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Weekend days plus a list of holidays, valid for a stated range of dates. A working day is a day that is neither.
 *
 * <p>A calendar with holidays must say which dates its list covers ({@code coverage}); asking about a date outside
 * that range throws {@link HolidayDataMissingException} instead of silently treating an unknown holiday as a working
 * day. A calendar with no holidays (weekends only, id {@code NONE}) covers every date.
 */
final class HolidayCalendar {

    private final String id;
    private final String name;
    private final String source;
    private final Set<DayOfWeek> weekend;
    private final LocalDate coverageFrom;   // null: covers every date
    private final LocalDate coverageTo;     // null: covers every date
    private final NavigableMap<LocalDate, String> holidays;

    HolidayCalendar(String id, String name, String source, Set<DayOfWeek> weekend,
                    LocalDate coverageFrom, LocalDate coverageTo, NavigableMap<LocalDate, String> holidays) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.source = Objects.requireNonNull(source);
        Set<DayOfWeek> weekendDays = EnumSet.noneOf(DayOfWeek.class);
        weekendDays.addAll(weekend);
        this.weekend = Collections.unmodifiableSet(weekendDays);
        this.coverageFrom = coverageFrom;
        this.coverageTo = coverageTo;
        this.holidays = Collections.unmodifiableNavigableMap(new TreeMap<>(holidays));
    }

    /**
     * Reads one calendar file:
     * <pre>
     * id: UK-ENG-WLS
     * name: Bank holidays in England and Wales
     * source: https://www.gov.uk/bank-holidays
     * weekend: [SATURDAY, SUNDAY]
     * coverage: {from: 2026-01-01, to: 2028-12-31}
     * holidays:
     *   - {date: 2026-01-01, name: New Year's Day}
     * </pre>
     */
    static HolidayCalendar fromYaml(YamlNode yaml) {
        yaml.allowOnly("id", "name", "source", "weekend", "coverage", "holidays");
        String id = yaml.string("id");
        Set<DayOfWeek> weekend = yaml.enumSet("weekend", DayOfWeek.class);
        if (weekend.size() == DayOfWeek.values().length) {
            throw yaml.error("weekend", "every day of the week is a weekend day; no day could ever be a working day");
        }

        LocalDate coverageFrom = null;
        LocalDate coverageTo = null;
        if (yaml.has("coverage")) {
            YamlNode coverage = yaml.node("coverage");
            coverage.allowOnly("from", "to");
            coverageFrom = coverage.date("from");
            coverageTo = coverage.date("to");
            if (coverageTo.isBefore(coverageFrom)) {
                throw coverage.error("'to' (" + coverageTo + ") is before 'from' (" + coverageFrom + ")");
            }
        }

        NavigableMap<LocalDate, String> holidays = new TreeMap<>();
        for (YamlNode holiday : yaml.nodeList("holidays")) {
            holiday.allowOnly("date", "name");
            LocalDate date = holiday.date("date");
            String holidayName = holiday.string("name");
            if (coverageFrom == null) {
                throw yaml.error("coverage", "required when holidays are listed: say which dates the list is complete for, "
                        + "e.g. coverage: {from: 2026-01-01, to: 2028-12-31}");
            }
            if (date.isBefore(coverageFrom) || date.isAfter(coverageTo)) {
                throw holiday.error("date", date + " is outside the calendar's coverage " + coverageFrom + " to " + coverageTo);
            }
            String previous = holidays.put(date, holidayName);
            if (previous != null) {
                throw holiday.error("date", date + " is listed twice ('" + previous + "' and '" + holidayName + "')");
            }
        }
        return new HolidayCalendar(id, yaml.string("name"), yaml.string("source"), weekend, coverageFrom, coverageTo, holidays);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String source() {
        return source;
    }

    Set<DayOfWeek> weekend() {
        return weekend;
    }

    NavigableMap<LocalDate, String> holidays() {
        return holidays;
    }

    LocalDate coverageFrom() {
        return coverageFrom;
    }

    LocalDate coverageTo() {
        return coverageTo;
    }

    boolean covers(LocalDate date) {
        return coverageFrom == null || (!date.isBefore(coverageFrom) && !date.isAfter(coverageTo));
    }

    /** Neither a weekend day nor a listed holiday. */
    boolean isWorkingDay(LocalDate date) {
        if (!covers(date)) {
            throw new HolidayDataMissingException("Holiday calendar " + id + " has holiday data only from " + coverageFrom
                    + " to " + coverageTo + ", so it cannot tell whether " + date + " is a working day. Add that year's "
                    + "holidays to the calendar (see docs/statutory-clock.md, \"Adding a holiday year\").");
        }
        return !weekend.contains(date.getDayOfWeek()) && !holidays.containsKey(date);
    }

    /** The date itself if it is a working day, otherwise the next working day after it (the "roll"). */
    LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The N-th working day strictly after {@code start}: the start day itself is never counted, whether or not it is a
     * working day (CCPA §7021(a) "within 10 business days", §7026 "15 business days from the date ... receives").
     */
    LocalDate workingDaysAfter(LocalDate start, int count) {
        LocalDate day = start;
        int counted = 0;
        while (counted < count) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
