package org.rightsflow.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.rightsflow.support.RequiredText;
import org.rightsflow.support.YamlTree;

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

    /** A shipped calendar file ({@code deadline/holidays/...} on the classpath). */
    static HolidayCalendar fromClasspath(String resource) {
        return read(YamlTree.parseResource(resource));
    }

    /** An operator's calendar file. */
    static HolidayCalendar fromFile(Path file) {
        return read(YamlTree.parseFile(file));
    }

    /** A calendar as typed by an admin; {@code origin} starts every error message. */
    static HolidayCalendar fromText(String origin, String yaml) {
        return read(YamlTree.parse(origin, yaml));
    }

    private static HolidayCalendar read(YamlTree file) {
        return file.bind(CalendarYaml.class).calendar(file);
    }

    /**
     * One calendar file as written:
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
    record CalendarYaml(@RequiredText String id, @RequiredText String name, @RequiredText String source,
                        List<@NotNull(message = "expected a day of the week") DayOfWeek> weekend,
                        @Valid CoverageYaml coverage,
                        List<@NotNull(message = "expected a mapping (key: value)") @Valid HolidayYaml> holidays) {

        /** The calendar, after the rules that span several keys; {@code where} is the file. */
        HolidayCalendar calendar(YamlTree where) {
            Set<DayOfWeek> weekendDays = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : weekend == null ? List.<DayOfWeek>of() : weekend) {
                if (!weekendDays.add(day)) {
                    throw where.at("weekend").error(day + " is listed twice");
                }
            }
            if (weekendDays.size() == DayOfWeek.values().length) {
                throw where.at("weekend").error("every day of the week is a weekend day; no day could ever be a "
                        + "working day");
            }

            LocalDate coverageFrom = null;
            LocalDate coverageTo = null;
            if (coverage != null) {
                coverageFrom = date(coverage.from(), where.at("coverage").at("from"));
                coverageTo = date(coverage.to(), where.at("coverage").at("to"));
                if (coverageTo.isBefore(coverageFrom)) {
                    throw where.at("coverage").error("'to' (" + coverageTo + ") is before 'from' (" + coverageFrom + ")");
                }
            }

            NavigableMap<LocalDate, String> dates = new TreeMap<>();
            List<HolidayYaml> listed = holidays == null ? List.of() : holidays;
            for (int i = 0; i < listed.size(); i++) {
                YamlTree holiday = where.at("holidays").index(i);
                LocalDate date = date(listed.get(i).date(), holiday.at("date"));
                String holidayName = listed.get(i).name().strip();
                if (coverageFrom == null) {
                    throw where.at("coverage").error("required when holidays are listed: say which dates the list is "
                            + "complete for, e.g. coverage: {from: 2026-01-01, to: 2028-12-31}");
                }
                if (date.isBefore(coverageFrom) || date.isAfter(coverageTo)) {
                    throw holiday.at("date").error(date + " is outside the calendar's coverage " + coverageFrom
                            + " to " + coverageTo);
                }
                String previous = dates.put(date, holidayName);
                if (previous != null) {
                    throw holiday.at("date").error(date + " is listed twice ('" + previous + "' and '" + holidayName
                            + "')");
                }
            }
            return new HolidayCalendar(id.strip(), name.strip(), source.strip(), weekendDays, coverageFrom, coverageTo,
                    dates);
        }

        private static LocalDate date(String text, YamlTree where) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw where.error("expected a date as YYYY-MM-DD, found '" + text + "'");
            }
        }
    }

    /** The dates a calendar's holiday list is complete for. */
    record CoverageYaml(@NotNull(message = YamlTree.REQUIRED) String from,
                        @NotNull(message = YamlTree.REQUIRED) String to) {
    }

    record HolidayYaml(@NotNull(message = YamlTree.REQUIRED) String date, @RequiredText String name) {
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
