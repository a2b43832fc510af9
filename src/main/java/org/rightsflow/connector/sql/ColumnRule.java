package org.rightsflow.connector.sql;

import java.util.regex.Pattern;
import org.rightsflow.connector.LegalBasis;

/**
 * What an erasure does to one column of the rows it keeps: mask it (set-null, redact, hash) or retain it with a
 * legal basis.
 *
 * @param redactValue the fixed text for {@link Strategy#REDACT}; null otherwise
 * @param basis       for {@link Strategy#RETAIN}; null otherwise
 * @param note        for {@link Strategy#RETAIN}: what the value is kept for
 */
record ColumnRule(String column, Strategy strategy, String redactValue, LegalBasis basis, String note) {

    private static final Pattern HMAC_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * Whether the value already is what masking would make of it. This is what makes a repeated erasure change
     * nothing: NULL is masked under every strategy (there is nothing left to hide), a redacted value equals the
     * redaction text (trailing spaces aside), and a hashed value is 64 lower-case hex digits — which is why the hash strategy is not meant
     * for columns whose real values look like that.
     */
    boolean isMasked(Object value) {
        if (value == null) {
            return true;
        }
        // CHAR(n) columns hand values back padded with spaces: "[redacted]" may come back as "[redacted]     ".
        String text = String.valueOf(JsonValues.of(value)).stripTrailing();
        return switch (strategy) {
            case SET_NULL -> false;
            case REDACT -> redactValue.stripTrailing().equals(text);
            case HASH -> HMAC_HEX.matcher(text).matches();
            case DELETE, RETAIN -> throw new IllegalStateException(strategy + " does not mask");
        };
    }

    /** The value that replaces {@code value}. */
    Object mask(Object value, Hasher hasher) {
        return switch (strategy) {
            case SET_NULL -> null;
            case REDACT -> redactValue;
            case HASH -> hasher.hash(value);
            case DELETE, RETAIN -> throw new IllegalStateException(strategy + " does not mask");
        };
    }
}
