package org.rightsflow.connector.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rightsflow.connector.ConnectionCheck;

/**
 * "Test connection" for a sql system: every mapped table and column must exist, and the columns must be able to hold
 * what an erasure writes (NULL for set-null, 64 characters for hash, the redaction text for redact).
 *
 * <p>Names are looked up in the database's metadata as written, upper-cased (H2 and Oracle store unquoted names so)
 * and lower-cased (PostgreSQL does), in the schema the connection uses — a MySQL/MariaDB "schema" being a catalog
 * (database) in JDBC terms. A final probe selects the mapped columns from each table without reading a row, the way
 * the actions will, which also catches what metadata alone cannot (a reserved word as a name, a missing privilege).
 */
final class ConnectionChecker {

    private final SqlMapping mapping;
    private final Connection connection;

    ConnectionChecker(SqlMapping mapping, Connection connection) {
        this.mapping = mapping;
        this.connection = connection;
    }

    ConnectionCheck check() throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        List<String> problems = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        int columnCount = 0;
        for (MappedTable table : mapping.tables()) {
            List<String> tableProblems = checkTable(meta, table);
            if (tableProblems.isEmpty()) {
                fine.add(table.name() + ": " + Summaries.count(table.mappedColumns().size(), "mapped column")
                        + " present");
                columnCount += table.mappedColumns().size();
            }
            problems.addAll(tableProblems);
        }
        List<String> warnings = new ArrayList<>();
        if (problems.isEmpty()) {
            // Only a mapping whose names all exist can be judged by what the database will do with it.
            for (SchemaRules.Problem problem : rules(mapping, connection)) {
                (problem.isError() ? problems : warnings).add(problem.toString());
            }
        }
        List<String> details = new ArrayList<>(problems);
        details.addAll(warnings);
        details.addAll(fine);
        if (problems.isEmpty()) {
            return ConnectionCheck.ok("Connected to " + product + ": all " + Summaries.count(fine.size(), "mapped table")
                    + " and their " + Summaries.count(columnCount, "column") + " are there"
                    + (warnings.isEmpty() ? "." : ", with " + Summaries.count(warnings.size(), "warning")
                    + " below."), details);
        }
        return ConnectionCheck.failed("Connected to " + product + ", but " + Summaries.count(problems.size(), "problem")
                + " in the mapping: " + problems.get(0) + (problems.size() > 1 ? " (and more, below)." : "."), details);
    }

    /** The live-schema rules ({@link SchemaRules}) for a mapping whose tables and columns exist. */
    static List<SchemaRules.Problem> rules(SqlMapping mapping, Connection connection) throws SQLException {
        LiveSchema schema = LiveSchema.readTables(connection, mapping.connection().schema(),
                mapping.tables().stream().map(MappedTable::name).toList());
        return new SchemaRules(mapping, schema).check();
    }

    private record Column(String name, int type, int size, boolean notNull) {
    }

    private List<String> checkTable(DatabaseMetaData meta, MappedTable table) throws SQLException {
        String[] located = locate(meta, table);
        if (located == null) {
            return List.of("table " + table.sqlName() + " is missing");
        }
        Map<String, Column> columns = columns(meta, located);
        List<String> problems = new ArrayList<>();
        for (String name : table.mappedColumns()) {
            if (!columns.containsKey(name.toUpperCase(Locale.ROOT))) {
                problems.add("column " + table.name() + "." + name + " is missing");
            }
        }
        if (table.since() != null) {
            Column since = columns.get(table.since().toUpperCase(Locale.ROOT));
            if (since != null && !isDateOrTime(since.type())) {
                problems.add(table.name() + "." + table.since() + " is not a date or timestamp column, so since "
                        + "cannot look back by it");
            }
        }
        for (ColumnRule rule : table.erasure().masked()) {
            Column column = columns.get(rule.column().toUpperCase(Locale.ROOT));
            if (column == null) {
                continue;
            }
            String where = table.name() + "." + rule.column();
            if (rule.strategy() == Strategy.SET_NULL && column.notNull()) {
                problems.add(where + " is NOT NULL, so set-null cannot erase it (choose redact, or allow NULL)");
            }
            if (rule.strategy() == Strategy.HASH && isText(column.type()) && column.size() < 64) {
                problems.add(where + " holds " + column.size() + " characters, but hash writes 64");
            }
            if (rule.strategy() == Strategy.REDACT && isText(column.type())
                    && column.size() < rule.redactValue().length()) {
                problems.add(where + " holds " + column.size() + " characters, shorter than the redaction text");
            }
            if ((rule.strategy() == Strategy.HASH || rule.strategy() == Strategy.REDACT) && !isText(column.type())) {
                problems.add(where + " is not a text column, so " + rule.strategy().yamlName() + " cannot write to it");
            }
        }
        if (problems.isEmpty()) {
            try (PreparedStatement probe = connection.prepareStatement(SqlStatements.probe(table, table.mappedColumns()));
                 ResultSet ignored = probe.executeQuery()) {
                // Reading no row is the point: names, syntax and the SELECT privilege are checked.
            } catch (SQLException e) {
                problems.add(table.name() + ": selecting the mapped columns fails (SQL state " + e.getSQLState() + ": "
                        + firstLine(e.getMessage()) + ")");
            }
        }
        return problems;
    }

    /** The table's catalog, schema and name as the metadata spells them, or null when there is no such table. */
    private String[] locate(DatabaseMetaData meta, MappedTable table) throws SQLException {
        String name = table.name();
        String schema = mapping.connection().schema();
        if (name.contains(".")) {
            schema = name.substring(0, name.indexOf('.'));
            name = name.substring(name.indexOf('.') + 1);
        }
        // MySQL and MariaDB call a database a catalog in JDBC, and have no schemas inside it.
        boolean schemas = meta.supportsSchemasInTableDefinitions();
        String container = schema != null ? schema : (schemas ? connection.getSchema() : connection.getCatalog());
        String escape = meta.getSearchStringEscape();
        for (String containerVariant : variants(container)) {
            for (String nameVariant : variants(name)) {
                String catalog = schemas ? null : containerVariant;
                String schemaPattern = schemas ? pattern(containerVariant, escape) : null;
                try (ResultSet rs = meta.getTables(catalog, schemaPattern, pattern(nameVariant, escape), null)) {
                    while (rs.next()) {
                        String found = rs.getString("TABLE_NAME");
                        if (found.equalsIgnoreCase(name)) {
                            return new String[] {rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), found};
                        }
                    }
                }
            }
        }
        return null;
    }

    private static Map<String, Column> columns(DatabaseMetaData meta, String[] table) throws SQLException {
        String escape = meta.getSearchStringEscape();
        Map<String, Column> columns = new HashMap<>();
        try (ResultSet rs = meta.getColumns(table[0], pattern(table[1], escape), pattern(table[2], escape), "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                columns.put(name.toUpperCase(Locale.ROOT), new Column(name, rs.getInt("DATA_TYPE"),
                        rs.getInt("COLUMN_SIZE"), rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls));
            }
        }
        return columns;
    }

    private static Set<String> variants(String name) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(name);
        if (name != null) {
            variants.add(name.toUpperCase(Locale.ROOT));
            variants.add(name.toLowerCase(Locale.ROOT));
        }
        return variants;
    }

    /** Metadata arguments are LIKE patterns, where "_" matches any character: escape it to match the name only. */
    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static boolean isDateOrTime(int type) {
        return type == Types.DATE || type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
    }

    private static boolean isText(int type) {
        return switch (type) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> true;
            default -> false;
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
