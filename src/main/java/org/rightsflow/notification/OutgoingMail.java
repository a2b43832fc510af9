package org.rightsflow.notification;

import java.util.Locale;
import java.util.Map;
import org.rightsflow.support.Languages;

/**
 * A message to write. {@code reference} ties it to a request's timeline (null for mail about no single request);
 * {@code model} feeds the template; {@code language} is the reader's (the subject's, stored with their request, or
 * the page's they wrote from; staff read English).
 */
public record OutgoingMail(String reference, MailKind kind, String recipient, Map<String, Object> model,
                           Locale language) {

    public OutgoingMail {
        language = Languages.closest(language);
    }

    /** A message in English: to staff and processors. */
    public OutgoingMail(String reference, MailKind kind, String recipient, Map<String, Object> model) {
        this(reference, kind, recipient, model, Languages.ENGLISH);
    }

    @Override
    public String toString() {
        return "OutgoingMail[" + kind + ", " + reference + ", " + language.toLanguageTag() + "]";
    }
}
