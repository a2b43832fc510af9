package org.rightsflow.limits;

import java.util.Set;

/**
 * The one rule for invisible characters in what people and clients send: NUL and the other control characters
 * (C0, DEL, C1) are refused in every field; line breaks and tabs only in the free-text fields that are written on
 * several lines, named here. PostgreSQL cannot store NUL at all, and a line break in a one-line field (a name, an
 * address, a choice) is at best a mistake and at worst an attempt to shape an email or a log line.
 */
final class ControlCharacters {

    /** Fields written in a textarea (forms) or as prose (JSON), wherever they are nested. */
    static final Set<String> FREE_TEXT_FIELDS = Set.of("details", "answer", "statement", "note", "comment", "reason",
            "reasons", "evidence", "explanation", "howChecked", "question", "yaml");

    static final String MESSAGE = "contains a control character (an invisible character such as NUL, or a line "
            + "break where only one line is expected)";

    private ControlCharacters() {
    }

    /** Whether the value may be sent in the field of this name or path ({@code verdicts[2].reason} is a reason). */
    static boolean allowed(String field, String value) {
        boolean freeText = FREE_TEXT_FIELDS.contains(lastSegment(field));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if (lineBreakOrTab ? !freeText : isControl(c) || (!freeText && (c == '\u2028' || c == '\u2029'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static String lastSegment(String field) {
        String name = field == null ? "" : field.substring(field.lastIndexOf('.') + 1);
        int index = name.indexOf('[');
        return index < 0 ? name : name.substring(0, index);
    }
}
