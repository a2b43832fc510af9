package org.rightsflow.deadline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The holiday calendars the clock can count against, by id. The shipped ones are YAML files under
 * {@code deadline/holidays/} on the classpath; an operator may add calendars or replace shipped ones (same id, whole
 * calendar replaced) with {@code *.yml} files in a directory of their own.
 */
public final class HolidayCalendars {

    static final String SHIPPED_DIRECTORY = "deadline/holidays/";

    /** The shipped calendar files. A test checks this list against the folder, so a new file cannot be forgotten. */
    static final List<String> SHIPPED_FILES = List.of("eu.yml", "uk-england-wales.yml", "us-federal.yml", "de.yml", "none.yml",
            "ch.yml", "kr.yml", "sg.yml", "za.yml", "tr.yml", "th.yml", "au.yml", "jp.yml");

    /** Replaced whole when an admin edits a calendar (copy on write): a count in progress sees one version. */
    private volatile Map<String, HolidayCalendar> calendarsById;

    private HolidayCalendars(Map<String, HolidayCalendar> calendarsById) {
        this.calendarsById = Collections.unmodifiableMap(new LinkedHashMap<>(calendarsById));
    }

    /** Puts an edited calendar in place of the one with its id (or adds it); later counts use it. */
    synchronized void replace(HolidayCalendar calendar) {
        Map<String, HolidayCalendar> next = new LinkedHashMap<>(calendarsById);
        next.put(calendar.id(), calendar);
        this.calendarsById = Collections.unmodifiableMap(next);
    }

    /** The calendars shipped with Rightsflow. */
    public static HolidayCalendars shipped() {
        Map<String, HolidayCalendar> calendars = new LinkedHashMap<>();
        for (String file : SHIPPED_FILES) {
            HolidayCalendar calendar = HolidayCalendar.fromClasspath(SHIPPED_DIRECTORY + file);
            addUnique(calendars, calendar, "classpath:" + SHIPPED_DIRECTORY + file);
        }
        return new HolidayCalendars(calendars);
    }

    /**
     * The shipped calendars, plus every {@code *.yml} / {@code *.yaml} calendar in {@code directory}. A file whose id
     * matches a shipped calendar replaces it entirely (copy the shipped file and extend it to add a year).
     *
     * @throws IllegalArgumentException if the directory does not exist, a file is malformed, or two files in it share an id
     */
    public static HolidayCalendars withOverrides(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Holiday directory " + directory + " does not exist or is not a directory");
        }
        Map<String, HolidayCalendar> calendars = new LinkedHashMap<>(shipped().calendarsById);
        Map<String, HolidayCalendar> fromDirectory = new LinkedHashMap<>();
        for (Path file : yamlFilesIn(directory)) {
            addUnique(fromDirectory, HolidayCalendar.fromFile(file), file.toString());
        }
        calendars.putAll(fromDirectory);
        return new HolidayCalendars(calendars);
    }

    private static List<Path> yamlFilesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> yamlFiles = new ArrayList<>(files
                    .filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".yml") || file.getFileName().toString().endsWith(".yaml"))
                    .toList());
            Collections.sort(yamlFiles);
            return yamlFiles;
        } catch (IOException e) {
            throw new IllegalArgumentException("Holiday directory " + directory + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void addUnique(Map<String, HolidayCalendar> calendars, HolidayCalendar calendar, String origin) {
        if (calendars.putIfAbsent(calendar.id(), calendar) != null) {
            throw new IllegalArgumentException(origin + ": holiday calendar id '" + calendar.id()
                    + "' is defined more than once in the same place");
        }
    }

    /** The ids of all calendars, e.g. EU, UK-ENG-WLS, US-FEDERAL, DE, NONE. */
    public Set<String> ids() {
        return Collections.unmodifiableSet(new TreeSet<>(calendarsById.keySet()));
    }

    /** @throws IllegalArgumentException naming the known ids when there is no calendar with this id */
    HolidayCalendar calendar(String id) {
        HolidayCalendar calendar = calendarsById.get(id);
        if (calendar == null) {
            throw new IllegalArgumentException("Unknown holiday calendar id '" + id + "'; known calendars: "
                    + String.join(", ", ids()));
        }
        return calendar;
    }
}
