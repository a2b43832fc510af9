package org.rightsflow.connector;

/**
 * An action failed in a system. The message is shown to staff (and becomes the Camunda incident's text after the
 * last retry), so it says what went wrong in the system's terms and never contains personal data.
 */
public class ConnectorException extends RuntimeException {

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
