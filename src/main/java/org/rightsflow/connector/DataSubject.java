package org.rightsflow.connector;

/** The identity a connector looks the subject up by. Any of the values may be null except the email. */
public record DataSubject(String email, String name, String accountId) {

    @Override
    public String toString() {
        return "DataSubject[redacted]";
    }
}
