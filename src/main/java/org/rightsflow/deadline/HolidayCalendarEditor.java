package org.rightsflow.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Lets an admin read and change the holiday calendars the clock counts with. A saved calendar is checked like a
 * shipped one, written as {@code <id>.yml} to the holiday directory ({@code rightsflow.clock.holiday-directory}),
 * and used at once for every new count; due dates already fixed stay as they are. Without a directory the calendars
 * can be read but not changed.
 */
public final class HolidayCalendarEditor {

    private final HolidayCalendars calendars;
    private final Path directory;

    HolidayCalendarEditor(HolidayCalendars calendars, Path directory) {
        this.calendars = calendars;
        this.directory = directory;
    }

    /** What one save changed, in dates, for the record. */
    public record Change(String id, List<LocalDate> added, List<LocalDate> removed, LocalDate coverageTo) {
    }

    public boolean editable() {
        return directory != null && Files.isWritable(directory);
    }

    public List<HolidayCalendarView> calendars() {
        List<HolidayCalendarView> views = new ArrayList<>();
        for (String id : calendars.ids()) {
            HolidayCalendar calendar = calendars.calendar(id);
            views.add(new HolidayCalendarView(id, calendar.name(), calendar.source(), calendar.coverageFrom(),
                    calendar.coverageTo(), calendar.holidays().size(), editedFile(id).isPresent()));
        }
        return views;
    }

    /** The calendar's YAML as it is used: the edited file if there is one, else the shipped file. */
    public String yaml(String id) {
        calendars.calendar(id);
        Optional<Path> edited = editedFile(id);
        try {
            if (edited.isPresent()) {
                return Files.readString(edited.get(), StandardCharsets.UTF_8);
            }
            for (String file : HolidayCalendars.SHIPPED_FILES) {
                try (InputStream in = HolidayCalendarEditor.class.getClassLoader()
                        .getResourceAsStream(HolidayCalendars.SHIPPED_DIRECTORY + file)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (HolidayCalendar.fromText(file, text).id().equals(id)) {
                        return text;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("No file for holiday calendar " + id);
    }

    /**
     * Checks and saves a calendar. Its id must be the one edited (a new id would be a new calendar no regime uses).
     *
     * @throws IllegalArgumentException naming the first problem; nothing is saved then
     * @throws IllegalStateException when there is no writable holiday directory
     */
    public Change save(String id, String yaml) {
        if (!editable()) {
            throw new IllegalStateException("Calendars can be changed only with rightsflow.clock.holiday-directory set "
                    + "to a writable directory.");
        }
        HolidayCalendar before = calendars.calendar(id);
        if (yaml == null || yaml.isBlank()) {
            throw new IllegalArgumentException("The calendar is empty.");
        }
        if (yaml.length() > 200_000) {
            throw new IllegalArgumentException("The calendar is too long.");
        }
        HolidayCalendar after;
        try {
            after = HolidayCalendar.fromText(id, yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "The calendar is not valid YAML." : e.getMessage());
        }
        if (!after.id().equals(id)) {
            throw new IllegalArgumentException("The id must stay " + id + " (found " + after.id() + ").");
        }
        try {
            Files.writeString(directory.resolve(fileName(id)), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The calendar could not be written to " + directory + ": " + e.getMessage());
        }
        calendars.replace(after);
        TreeSet<LocalDate> added = new TreeSet<>(after.holidays().keySet());
        added.removeAll(before.holidays().keySet());
        TreeSet<LocalDate> removed = new TreeSet<>(before.holidays().keySet());
        removed.removeAll(after.holidays().keySet());
        return new Change(id, List.copyOf(added), List.copyOf(removed), after.coverageTo());
    }

    private Optional<Path> editedFile(String id) {
        if (directory == null) {
            return Optional.empty();
        }
        Path file = directory.resolve(fileName(id));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** One file per calendar id, named after it, so a save replaces the earlier save. */
    static String fileName(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + ".yml";
    }
}
