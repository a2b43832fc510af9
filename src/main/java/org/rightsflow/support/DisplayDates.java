package org.rightsflow.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Dates and times for pages and emails, in the statutory clock's zone (so "due 1 March" means the same day
 * everywhere). Available in templates as {@code @dates}, a bean of the deadline module, which owns the zone.
 *
 * <p>In the language being written ({@link Languages#current()}): English keeps its own day-month order; the others
 * take their locale's standard styles ("Montag, 1. März 2027", "1 de mar. de 2027").
 */
public class DisplayDates {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    public DisplayDates(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The calendar date of an instant in the clock's zone. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** "Monday 1 March 2027". */
    public String longDate(LocalDate date) {
        return date == null ? "" : in(LONG_DATE, DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)).format(date);
    }

    private static DateTimeFormatter in(DateTimeFormatter english, DateTimeFormatter localized) {
        Locale language = Languages.current();
        return language.equals(Languages.ENGLISH) ? english : localized.withLocale(language);
    }

    /** "1 Mar 2027" for a date, or the date of an instant in the clock's zone. */
    public String shortDate(Object value) {
        DateTimeFormatter format = in(SHORT_DATE, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
        if (value instanceof LocalDate date) {
            return format.format(date);
        }
        if (value instanceof Instant instant) {
            return format.format(instant.atZone(zone));
        }
        return value == null ? "" : value.toString();
    }

    /** "1 Mar 2027, 14:05 UTC". */
    public String dateTime(Instant instant) {
        return instant == null ? "" : in(DATE_TIME, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
                FormatStyle.SHORT)).format(instant.atZone(zone)) + " " + zone.getId();
    }

    /** An instant in ISO form, truncated to seconds, for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
