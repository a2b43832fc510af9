package org.rightsflow.connector.sql;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The text of every statement the connector runs. Only identifiers from a validated mapping (see
 * {@link Identifiers}) and fixed keywords are written into it; every value is a {@code ?} bound by the caller.
 */
final class SqlStatements {

    private SqlStatements() {
    }

    /** {@code SELECT <read columns> FROM t WHERE <condition> ORDER BY <key> [FOR UPDATE]}. */
    static String select(MappedTable table, String condition, boolean lock) {
        List<String> order = table.key().isEmpty() ? List.of(table.readColumns().get(0)) : table.key();
        return "SELECT " + String.join(", ", table.readColumns()) + " FROM " + table.sqlName() + " WHERE " + condition
                + " ORDER BY " + String.join(", ", order) + (lock ? " FOR UPDATE" : "");
    }

    /**
     * How the identity table matches the subject. The email is compared in lower case on both sides (the parameter
     * is lower-cased in Java), so an index on {@code lower(email)} serves it. Every declared identifier the subject
     * has must match: an account id narrows the match, it never widens it.
     */
    static String matchCondition(MappedTable.SubjectMatch match, boolean email, boolean accountId) {
        if (email && accountId) {
            return "LOWER(" + match.emailColumn() + ") = ? AND " + match.accountIdColumn() + " = ?";
        }
        return email ? "LOWER(" + match.emailColumn() + ") = ?" : match.accountIdColumn() + " = ?";
    }

    /** {@code SELECT DISTINCT <column> FROM t WHERE <condition>}: keys to follow, without reading whole rows. */
    static String selectDistinct(MappedTable table, String column, String condition) {
        return "SELECT DISTINCT " + column + " FROM " + table.sqlName() + " WHERE " + condition;
    }

    /** {@code SELECT a, b FROM t WHERE a IS NOT NULL OR b IS NOT NULL}: every row that has one of the values. */
    static String selectAny(MappedTable table, List<String> columns) {
        return "SELECT " + String.join(", ", columns) + " FROM " + table.sqlName() + " WHERE "
                + columns.stream().map(column -> column + " IS NOT NULL").collect(Collectors.joining(" OR "));
    }

    /** {@code SELECT COUNT(*) FROM t WHERE <condition>}. */
    static String count(MappedTable table, String condition) {
        return "SELECT COUNT(*) FROM " + table.sqlName() + " WHERE " + condition;
    }

    /** {@code (<match>) OR (<match>) …}: {@code count} subjects, each compared by the same identifiers. */
    static String anyOf(String match, int count) {
        return String.join(" OR ", Collections.nCopies(count, "(" + match + ")"));
    }

    /** {@code column IN (?, ?, …)} with {@code count} placeholders. */
    static String in(String column, int count) {
        return column + " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /**
     * {@code (c IS NULL OR c >= ?)}: the access lookback. A row without a date is kept: its age is unknown, and the
     * lookback leaves out only what is known to be older.
     */
    static String notBefore(String column) {
        return "(" + column + " IS NULL OR " + column + " >= ?)";
    }

    static String delete(MappedTable table, String condition) {
        return "DELETE FROM " + table.sqlName() + " WHERE " + condition;
    }

    /** {@code k1 = ? AND k2 = ?}: one row by its key. */
    static String keyEquals(MappedTable table) {
        return table.key().stream().map(column -> column + " = ?").collect(Collectors.joining(" AND "));
    }

    /**
     * {@code UPDATE t SET a = ?, b = NULL WHERE <condition>}: a null value is written as the literal NULL, so that no
     * driver has to guess the type of a null parameter.
     */
    static String update(MappedTable table, Map<String, Object> values, String condition) {
        String assignments = values.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() == null ? " = NULL" : " = ?"))
                .collect(Collectors.joining(", "));
        return "UPDATE " + table.sqlName() + " SET " + assignments + " WHERE " + condition;
    }

    /**
     * True for rows where at least one column differs from its new value, so an update touches (and counts) only
     * the rows it really changes, and running it twice changes nothing the second time.
     */
    static String anyDiffers(Map<String, Object> values) {
        return "(" + values.entrySet().stream()
                .map(e -> e.getValue() == null ? e.getKey() + " IS NOT NULL"
                        : e.getKey() + " IS NULL OR " + e.getKey() + " <> ?")
                .collect(Collectors.joining(" OR ")) + ")";
    }

    /** The non-null values in the order {@link #update} and {@link #anyDiffers} want them. */
    static List<Object> nonNull(Map<String, Object> values) {
        return values.values().stream().filter(Objects::nonNull).toList();
    }

    /** {@code SELECT a, b FROM t WHERE 1 = 0}: checks names and learns column types without reading a row. */
    static String probe(MappedTable table, Collection<String> columns) {
        return "SELECT " + String.join(", ", columns) + " FROM " + table.sqlName() + " WHERE 1 = 0";
    }
}
