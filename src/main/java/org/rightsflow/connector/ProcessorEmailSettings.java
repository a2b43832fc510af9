package org.rightsflow.connector;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.rightsflow.support.Text;
import org.rightsflow.support.YamlTree;

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

    /** The connection as written. */
    private record ConnectionYaml(
            @NotNull(message = YamlTree.REQUIRED)
            @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "is not an email address") String email,
            @Text String contactName,
            @Text String reminderEvery) {
    }

    /**
     * Reads and checks a {@code connection}.
     *
     * @throws IllegalArgumentException naming the path of the first problem
     */
    public static ProcessorEmailSettings from(YamlTree connection) {
        ConnectionYaml yaml = connection.bind(ConnectionYaml.class);
        Duration every = DEFAULT_REMINDER;
        if (yaml.reminderEvery() != null) {
            try {
                every = Duration.parse(yaml.reminderEvery().strip());
            } catch (DateTimeParseException e) {
                throw connection.error("reminderEvery", "expected an ISO-8601 duration such as P3D or PT12H");
            }
            if (every.compareTo(Duration.ofHours(1)) < 0) {
                throw connection.error("reminderEvery", "remind at most once an hour");
            }
        }
        String contactName = yaml.contactName() == null ? null : yaml.contactName().strip();
        return new ProcessorEmailSettings(yaml.email(), contactName, every);
    }
}
