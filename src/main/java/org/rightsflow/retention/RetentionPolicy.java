package org.rightsflow.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.rightsflow.deadline.Regime;
import org.rightsflow.support.DisplayDates;
import org.springframework.stereotype.Component;

/**
 * The one rule of records retention: a closed request's records are kept for its law's period after the day it
 * was closed, and removed after that. Months are counted on the calendar of the statutory clock's zone, so that
 * "24 months" ends on the same date two years later, whatever the month lengths.
 */
@Component
public class RetentionPolicy {

    private final RetentionProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    RetentionPolicy(RetentionProperties properties, Clock clock, DisplayDates dates) {
        this.properties = properties;
        this.clock = clock;
        this.zone = dates.zone();
    }

    /** How long a request under this law is kept after it was closed. */
    public Period periodOf(Regime law) {
        return properties.perLaw().getOrDefault(law, properties.keepFor());
    }

    /** A request under this law closed before this moment has been kept for its whole period now. */
    public Instant cutoff(Regime law) {
        return clock.instant().atZone(zone).minus(periodOf(law)).toInstant();
    }
}
