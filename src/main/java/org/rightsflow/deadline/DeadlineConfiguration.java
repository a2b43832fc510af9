package org.rightsflow.deadline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link StatutoryClock} bean from {@code rightsflow.clock.*}. The only Spring-aware class of the module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
public class DeadlineConfiguration {

    @Bean
    StatutoryClock statutoryClock(DeadlineProperties properties) {
        HolidayCalendars calendars = properties.holidayDirectory() == null
                ? HolidayCalendars.shipped()
                : HolidayCalendars.withOverrides(properties.holidayDirectory());
        RegimePolicies policies = properties.policyFile() == null
                ? RegimePolicies.shipped()
                : RegimePolicies.withOverrides(properties.policyFile());
        return new StatutoryClock(policies, calendars, properties.zone());
    }
}
