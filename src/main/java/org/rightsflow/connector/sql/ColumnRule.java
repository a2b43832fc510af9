package org.rightsflow.connector.sql;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.rightsflow.connector.LegalBasis;

/**
 * What an erasure does to one column of the rows it keeps: mask it (set-null, redact, hash; year-only for dates, zero
 * for numbers) or retain it with a legal basis.
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
            case YEAR_ONLY -> value.equals(yearOnly(value));
            case ZERO -> value.equals(zero(value));
            case DELETE, RETAIN -> throw new IllegalStateException(strategy + " does not mask");
        };
    }

    /** The value that replaces {@code value}. */
    Object mask(Object value, Hasher hasher) {
        return switch (strategy) {
            case SET_NULL -> null;
            case REDACT -> redactValue;
            case HASH -> hasher.hash(value);
            case YEAR_ONLY -> yearOnly(value);
            case ZERO -> zero(value);
            case DELETE, RETAIN -> throw new IllegalStateException(strategy + " does not mask");
        };
    }

    /** 1 January of the value's year, in the value's own type (as JsonValues.read hands dates out). */
    private Object yearOnly(Object value) {
        if (value instanceof LocalDate date) {
            return LocalDate.of(date.getYear(), 1, 1);
        }
        if (value instanceof LocalDateTime time) {
            return LocalDateTime.of(time.getYear(), 1, 1, 0, 0);
        }
        if (value instanceof OffsetDateTime time) {
            return OffsetDateTime.of(time.getYear(), 1, 1, 0, 0, 0, 0, time.getOffset());
        }
        if (value instanceof java.sql.Date date) {
            return yearOnly(date.toLocalDate());
        }
        if (value instanceof java.sql.Timestamp time) {
            return yearOnly(time.toLocalDateTime());
        }
        throw new IllegalArgumentException(column + " holds " + value.getClass().getSimpleName()
                + " values, not dates or timestamps: year-only cannot mask it; choose set-null, redact or hash");
    }

    /** Zero in the value's own number type. */
    private Object zero(Object value) {
        if (value instanceof Integer) {
            return 0;
        }
        if (value instanceof Long) {
            return 0L;
        }
        if (value instanceof Short) {
            return (short) 0;
        }
        if (value instanceof Byte) {
            return (byte) 0;
        }
        if (value instanceof java.math.BigDecimal decimal) {
            // Same scale, so that 0.00 in a numeric(10,2) column counts as masked the next time.
            return decimal.signum() == 0 ? decimal : java.math.BigDecimal.ZERO.setScale(decimal.scale());
        }
        if (value instanceof java.math.BigInteger) {
            return java.math.BigInteger.ZERO;
        }
        if (value instanceof Double) {
            return 0.0d;
        }
        if (value instanceof Float) {
            return 0.0f;
        }
        throw new IllegalArgumentException(column + " holds " + value.getClass().getSimpleName()
                + " values, not numbers: zero cannot mask it; choose set-null, redact or hash");
    }
}
