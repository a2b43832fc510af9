package org.rightsflow.deadline;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import org.rightsflow.support.DisplayDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link StatutoryClock} bean from {@code rightsflow.clock.*}, and the pages' and emails' dates in the same
 * zone. The only Spring-aware class of the module.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
public class DeadlineConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineConfiguration.class);

    /** One set of calendars for the clock and the admins' editor, so an edit reaches the clock at once. */
    @Bean
    HolidayCalendars holidayCalendars(DeadlineProperties properties) {
        if (properties.holidayDirectory() == null) {
            return HolidayCalendars.shipped();
        }
        try {
            Files.createDirectories(properties.holidayDirectory());
        } catch (IOException e) {
            throw new IllegalStateException("rightsflow.clock.holiday-directory " + properties.holidayDirectory()
                    + " cannot be created: " + e.getMessage(), e);
        }
        return HolidayCalendars.withOverrides(properties.holidayDirectory());
    }

    @Bean
    HolidayCalendarEditor holidayCalendarEditor(HolidayCalendars calendars, DeadlineProperties properties) {
        return new HolidayCalendarEditor(calendars, properties.holidayDirectory());
    }

    @Bean
    StatutoryClock statutoryClock(DeadlineProperties properties, HolidayCalendars calendars) {
        RegimePolicies policies = properties.policyFile() == null
                ? RegimePolicies.shipped()
                : RegimePolicies.withOverrides(properties.policyFile());
        StatutoryClock clock = new StatutoryClock(policies, calendars, properties.zone());
        warnWhenHolidayDataRunsOut(clock);
        return clock;
    }

    /** Dates on pages and in emails in the clock's zone, so "due 1 March" is the day the clock counts to. */
    @Bean("dates")
    DisplayDates displayDates(DeadlineProperties properties) {
        return new DisplayDates(properties.zone());
    }

    /**
     * A year before a calendar's holiday data ends, the log says so at every start: after that date, deadlines are
     * counted without holidays (never late, but possibly earlier than needed) until someone adds the next year.
     */
    private static void warnWhenHolidayDataRunsOut(StatutoryClock clock) {
        LocalDate inAYear = clock.dateOf(Instant.now()).plusYears(1);
        clock.holidayDataEnds().forEach((calendar, end) -> {
            if (end.isBefore(inAYear)) {
                LOG.warn("Holiday calendar {} has holidays only until {}: add the next year (docs/statutory-clock.md, "
                        + "\"Adding a holiday year\"). Later deadlines are counted without its holidays.", calendar, end);
            }
        });
    }
}
