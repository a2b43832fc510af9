package org.rightsflow.connector;

import java.time.Duration;

/** How long a system may take to call back: after {@code remindAfter} the owners are reminded, after
 * {@code incidentAfter} an incident is raised for staff to handle. */
public record CallbackDelays(Duration remindAfter, Duration incidentAfter) {

    public static final CallbackDelays DEFAULT = new CallbackDelays(Duration.ofHours(24), Duration.ofHours(72));
}
