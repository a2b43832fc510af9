package org.rightsflow.notification;

import java.util.Map;

/**
 * A message to write. {@code reference} ties it to a request's timeline (null for mail about no single request);
 * {@code model} feeds the template.
 */
public record OutgoingMail(String reference, MailKind kind, String recipient, Map<String, Object> model) {

    @Override
    public String toString() {
        return "OutgoingMail[" + kind + ", " + reference + "]";
    }
}
