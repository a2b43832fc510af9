package org.rightsflow.connector;

import java.util.List;

/** The answer to "test connection": whether the system can be reached and its mapping matches what is there. */
public record ConnectionCheck(boolean ok, String message, List<String> details) {

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
