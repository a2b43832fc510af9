package org.rightsflow.connector.sql;

/**
 * The only names that may be written into SQL text. Table and column names from a mapping are written unquoted
 * (so that each database folds their case as it folds the names in its own DDL), which is safe only because they
 * are checked here first: letters, digits and underscores, not starting with a digit, at most 63 characters (the
 * PostgreSQL limit); a table may carry a schema prefix. Anything else is refused when the mapping is bound
 * ({@link ColumnName} and the table's pattern in {@link MappingReader}).
 */
final class Identifiers {

    private static final String PART = "[A-Za-z_][A-Za-z0-9_]{0,62}";
    /** For {@code @Pattern} on the mapping's records. */
    static final String COLUMN_NAME = PART;
    static final String TABLE_NAME = "(" + PART + "\\.)?" + PART;

    static final String RULE = "letters, digits and underscores, not starting with a digit, at most 63 characters";
    /** The message of a column name that breaks the rule, written as a predicate: the name is quoted before it. */
    static final String NOT_A_COLUMN = "is not a plain SQL column name (" + RULE + ")";

    private Identifiers() {
    }

    /** The name to write into SQL: the table prefixed with the connection's schema, unless it names its own. */
    static String qualified(String table, String schema) {
        if (schema == null || table.contains(".")) {
            return table;
        }
        return schema + "." + table;
    }
}
