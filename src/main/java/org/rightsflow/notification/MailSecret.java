package org.rightsflow.notification;

import java.util.Objects;

/**
 * A value in a mail model that lets its holder act as the recipient: a link with a token, a code. The delivered
 * message carries the value; the copy that staff, the API and exports read carries {@code [label]} instead
 * ({@link MailTemplates} renders both). Put a secret straight into the model as a top-level value; templates print it
 * like any other value.
 *
 * <p>{@link #toString()} is the placeholder, so a secret printed anywhere else (a log line, a nested object) shows
 * what it is, never what it opens.
 */
public record MailSecret(String label, String value) {

    public MailSecret {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        if (label.isBlank() || label.contains("]")) {
            throw new IllegalArgumentException("A secret's label is a few words without ']'");
        }
    }

    public static MailSecret verificationLink(String url) {
        return new MailSecret(SecretLinks.VERIFICATION, url);
    }

    public static MailSecret statusLink(String url) {
        return new MailSecret(SecretLinks.STATUS, url);
    }

    public static MailSecret downloadCode(String code) {
        return new MailSecret("download code", code);
    }

    public static MailSecret preferenceLink(String url) {
        return new MailSecret(SecretLinks.PREFERENCES, url);
    }

    public static MailSecret processorConfirmationLink(String url) {
        return new MailSecret(SecretLinks.PROCESSOR_CONFIRMATION, url);
    }

    /** The link that lets a staff member choose their password (staff administration). */
    public static MailSecret setPasswordLink(String url) {
        return new MailSecret(SecretLinks.SET_PASSWORD, url);
    }

    /** What the staff copy of a message shows in the value's place. */
    public String placeholder() {
        return "[" + label + "]";
    }

    @Override
    public String toString() {
        return placeholder();
    }
}
