package org.rightsflow.notification;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of the portal's links that open something for whoever holds them (the paths of
 * {@link org.rightsflow.support.PublicLinks}). Used twice: as a guard that no such link reaches the staff copy of a
 * message unmarked, and to redact the clear bodies the outbox kept before secrets were marked.
 */
final class SecretLinks {

    static final String VERIFICATION = "one-time verification link";
    static final String STATUS = "private status link";
    static final String PREFERENCES = "preference-center link";
    static final String PROCESSOR_CONFIRMATION = "processor confirmation link";
    static final String CALLBACK = "callback link";
    static final String SET_PASSWORD = "set-password link";

    private record Shape(Pattern pattern, String label) {
    }

    // A token is what follows the path up to white space; the preference center's start page (/preferences
    // alone) opens nothing and stays.
    private static final List<Shape> SHAPES = List.of(
            shape("/verify/", VERIFICATION),
            shape("/status/", STATUS),
            shape("/preferences/", PREFERENCES),
            shape("/processors/confirm/", PROCESSOR_CONFIRMATION),
            shape("/api/v1/callbacks/", CALLBACK),
            shape("/staff/set-password/", SET_PASSWORD));

    /** An old download-code email: the code stands alone, indented, on its own line. */
    private static final Pattern LEGACY_CODE_LINE = Pattern.compile("(?m)^([ \\t]+)\\d{4,12}[ \\t]*$");

    private SecretLinks() {
    }

    private static Shape shape(String path, String label) {
        return new Shape(Pattern.compile("\\bhttps?://\\S+?" + Pattern.quote(path) + "[^\\s/]+"), label);
    }

    /** The label of the first secret link in the text, or null if it holds none. */
    static String firstIn(String text) {
        for (Shape shape : SHAPES) {
            if (shape.pattern().matcher(text).find()) {
                return shape.label();
            }
        }
        return null;
    }

    /**
     * A body written before secrets were marked, with each secret link (and a download email's code) replaced by its
     * label, as {@link MailTemplates} would have written the staff copy.
     */
    static String redactLegacy(MailKind kind, String body) {
        String redacted = body;
        for (Shape shape : SHAPES) {
            redacted = shape.pattern().matcher(redacted)
                    .replaceAll(Matcher.quoteReplacement(new MailSecret(shape.label(), "-").placeholder()));
        }
        if (kind == MailKind.DOWNLOAD_CODE) {
            redacted = LEGACY_CODE_LINE.matcher(redacted)
                    .replaceAll("$1" + Matcher.quoteReplacement(MailSecret.downloadCode("-").placeholder()));
        }
        return redacted;
    }
}
