package org.rightsflow.connector.sql;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Text from a request (an account id, a corrected value) as a value of the column's type. Binding text to a numeric
 * or date column fails in PostgreSQL ("operator does not exist: integer = character varying"), so the connector asks
 * the column's type first and converts; text that is no value of that type cannot match anything.
 */
final class TypedText {

    private TypedText() {
    }

    /**
     * @throws IllegalArgumentException when the text is no value of that type; the message names the type only
     */
    static Object convert(String text, int sqlType, String typeName) {
        String value = text.strip();
        try {
            return switch (sqlType) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Long.valueOf(value);
                case Types.NUMERIC, Types.DECIMAL -> new BigDecimal(value);
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> Double.valueOf(value);
                case Types.BOOLEAN, Types.BIT -> bool(value);
                case Types.DATE -> LocalDate.parse(value);
                case Types.TIMESTAMP -> LocalDateTime.parse(value);
                case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(value);
                case Types.TIME -> LocalTime.parse(value);
                case Types.OTHER -> "uuid".equalsIgnoreCase(typeName) ? UUID.fromString(value) : text;
                default -> text;
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid " + describe(sqlType, typeName));
        }
    }

    private static Boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static String describe(int sqlType, String typeName) {
        return switch (sqlType) {
            case Types.DATE -> "date (YYYY-MM-DD)";
            case Types.TIMESTAMP -> "date and time (YYYY-MM-DDThh:mm:ss)";
            case Types.BOOLEAN, Types.BIT -> "yes/no value";
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "whole number";
            default -> typeName == null ? "value for the column" : typeName.toLowerCase(Locale.ROOT) + " value";
        };
    }
}
