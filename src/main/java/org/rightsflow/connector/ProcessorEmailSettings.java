package org.rightsflow.connector;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.rightsflow.support.YamlNode;

/**
 * The {@code connection} of a processor-email system: where to write, and how often to remind while the
 * processor has not confirmed.
 *
 * <pre>
 * connection:
 *   email: privacy@agency.example
 *   contactName: Agency privacy team     # optional
 *   reminderEvery: P3D                   # optional, ISO-8601 duration, default P3D
 * </pre>
 */
public record ProcessorEmailSettings(String email, String contactName, Duration reminderEvery) {

    static final Duration DEFAULT_REMINDER = Duration.ofDays(3);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public static ProcessorEmailSettings from(YamlNode connection) {
        connection.allowOnly("email", "contactName", "reminderEvery");
        String email = connection.string("email");
        if (!EMAIL.matcher(email).matches()) {
            throw connection.error("email", "'" + email + "' is not an email address");
        }
        Duration every = DEFAULT_REMINDER;
        if (connection.has("reminderEvery")) {
            try {
                every = Duration.parse(connection.string("reminderEvery"));
            } catch (DateTimeParseException e) {
                throw connection.error("reminderEvery", "expected an ISO-8601 duration such as P3D or PT12H");
            }
            if (every.compareTo(Duration.ofHours(1)) < 0) {
                throw connection.error("reminderEvery", "remind at most once an hour");
            }
        }
        return new ProcessorEmailSettings(email, connection.optionalString("contactName", null), every);
    }
}
