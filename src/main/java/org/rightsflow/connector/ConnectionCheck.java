package org.rightsflow.connector;

import java.util.List;

/**
 * The answer to "test connection": whether the system can be reached and its mapping matches what is there.
 * Serializable: the staff page receives it as a flash attribute, kept in the (database-backed) session.
 */
public record ConnectionCheck(boolean ok, String message, List<String> details) implements java.io.Serializable {

    public ConnectionCheck {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static ConnectionCheck ok(String message, List<String> details) {
        return new ConnectionCheck(true, message, details);
    }

    public static ConnectionCheck failed(String message, List<String> details) {
        return new ConnectionCheck(false, message, details);
    }
}
