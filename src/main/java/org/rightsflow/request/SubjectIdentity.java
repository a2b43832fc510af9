package org.rightsflow.request;

/** Who the request is about, as they gave it. {@code accountId} is optional. */
public record SubjectIdentity(String email, String name, String accountId) implements java.io.Serializable {

    @Override
    public String toString() {
        // Never print personal data by accident (logs, exception messages).
        return "SubjectIdentity[redacted]";
    }
}
