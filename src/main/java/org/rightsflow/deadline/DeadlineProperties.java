package org.rightsflow.deadline;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rightsflow.clock}.
 *
 * @param zone             the zone in which an instant of receipt becomes a calendar date, and in which pages and
 *                         emails show dates
 * @param holidayDirectory optional directory of {@code *.yml} holiday calendars that add to or replace the shipped
 *                         ones; the calendars admins edit (Staff, Calendars) are saved here
 * @param policyFile       optional YAML file whose regimes replace the shipped regime policies
 */
@ConfigurationProperties("rightsflow.clock")
record DeadlineProperties(@DefaultValue("UTC") ZoneId zone, Path holidayDirectory, Path policyFile) {
}
