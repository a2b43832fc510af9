package org.rightsflow.connector.sql;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Column values as read from a result set, and as they go into an access package: text, numbers, booleans, ISO-8601
 * dates and times (text), Base64 for binary data, lists for SQL arrays. Nothing driver-specific leaks into the
 * package, so it serialises to JSON and CSV the same way whichever database it came from.
 */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * The JDBC type of result column {@code column} as {@link #read} needs it. PostgreSQL's driver reports a
     * {@code timestamptz} column as a plain TIMESTAMP; read that way the instant loses its offset and goes out as a
     * local time of the server's zone, so it is taken for what it is.
     */
    static int columnType(ResultSetMetaData meta, int column) throws SQLException {
        int type = meta.getColumnType(column);
        if (type == Types.TIMESTAMP && "timestamptz".equalsIgnoreCase(meta.getColumnTypeName(column))) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return type;
    }

    /**
     * Reads column {@code index}: dates and times as java.time values (drivers otherwise hand out java.sql types
     * shifted by the JVM's time zone), everything else as the driver's object. The same value binds back as a
     * parameter, which is how parent keys become the next table's {@code IN (...)} list.
     */
    static Object read(ResultSet rs, int index, int sqlType) throws SQLException {
        Class<?> type = switch (sqlType) {
            case Types.DATE -> LocalDate.class;
            case Types.TIMESTAMP -> LocalDateTime.class;
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.class;
            case Types.TIME -> LocalTime.class;
            default -> null;
        };
        if (type != null) {
            try {
                return rs.getObject(index, type);
            } catch (SQLException | RuntimeException e) {
                // A driver without java.time support for this column: fall back to its own object, converted below.
            }
        }
        return rs.getObject(index);
    }

    /** The value as it appears in an access package. */
    static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigDecimal || value instanceof BigInteger
                || value instanceof Double || value instanceof Float) {
            return value;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Character) {
            return value.toString();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime().toString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString(); // java.time's toString is ISO-8601
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        try {
            if (value instanceof Clob clob) {
                return readAll(clob.getCharacterStream());
            }
            if (value instanceof Blob blob) {
                return Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
            }
            if (value instanceof SQLXML xml) {
                return xml.getString();
            }
            if (value instanceof Array array) {
                List<Object> items = new ArrayList<>();
                for (Object item : (Object[]) array.getArray()) {
                    items.add(of(item));
                }
                return items;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("a large value could not be read (" + value.getClass().getSimpleName() + ")");
        }
        return value.toString(); // UUID, JSON objects, enums of the driver: their text form
    }

    private static String readAll(Reader reader) throws IOException {
        try (reader) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }
}
