package org.rightsflow.connector.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rightsflow.connector.ConnectionCheck;

/**
 * "Test connection" for a sql system: every mapped table and column must exist, and the columns must be able to hold
 * what an erasure writes (NULL for set-null, 64 characters for hash, the redaction text for redact).
 *
 * <p>Names are looked up in the database's catalogue by {@link LiveSchema} (as written, upper-cased as H2 and Oracle
 * store unquoted names, lower-cased as PostgreSQL does), in the schema the connection uses — a MySQL/MariaDB "schema"
 * being a catalog (database) in JDBC terms; the same read then serves the live-schema rules ({@link SchemaRules}).
 * A final probe selects the mapped columns from each table without reading a row, the way the actions will, which
 * also catches what metadata alone cannot (a reserved word as a name, a missing privilege).
 */
final class ConnectionChecker {

    private final SqlMapping mapping;
    private final Connection connection;

    ConnectionChecker(SqlMapping mapping, Connection connection) {
        this.mapping = mapping;
        this.connection = connection;
    }

    ConnectionCheck check() throws SQLException {
        // One read of the catalogue serves the names, the types and the live-schema rules.
        LiveSchema schema = read(mapping, connection);
        String product = schema.product();
        List<String> problems = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        int columnCount = 0;
        for (MappedTable table : mapping.tables()) {
            List<String> tableProblems = checkTable(schema, table);
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
            for (SchemaRules.Problem problem : new SchemaRules(mapping, schema).check()) {
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
        return new SchemaRules(mapping, read(mapping, connection)).check();
    }

    private static LiveSchema read(SqlMapping mapping, Connection connection) throws SQLException {
        return LiveSchema.readTables(connection, mapping.connection().schema(),
                mapping.tables().stream().map(MappedTable::name).toList());
    }

    private List<String> checkTable(LiveSchema schema, MappedTable table) {
        Optional<LiveSchema.Table> live = schema.table(schema.idOf(table.name()));
        if (live.isEmpty()) {
            return List.of("table " + table.sqlName() + " is missing");
        }
        List<String> problems = new ArrayList<>();
        for (String name : table.mappedColumns()) {
            if (live.get().column(name).isEmpty()) {
                problems.add("column " + table.name() + "." + name + " is missing");
            }
        }
        if (table.since() != null) {
            Optional<LiveSchema.Column> since = live.get().column(table.since());
            if (since.isPresent() && !since.get().isDateOrTime()) {
                problems.add(table.name() + "." + table.since() + " is not a date or timestamp column, so since "
                        + "cannot look back by it");
            }
        }
        for (ColumnRule rule : table.erasure().masked()) {
            Optional<LiveSchema.Column> found = live.get().column(rule.column());
            if (found.isEmpty()) {
                continue;
            }
            LiveSchema.Column column = found.get();
            String where = table.name() + "." + rule.column();
            if (rule.strategy() == Strategy.SET_NULL && !column.nullable()) {
                problems.add(where + " is NOT NULL, so set-null cannot erase it (choose redact, or allow NULL)");
            }
            if (rule.strategy() == Strategy.HASH && column.isText() && column.size() < 64) {
                problems.add(where + " holds " + column.size() + " characters, but hash writes 64");
            }
            if (rule.strategy() == Strategy.REDACT && column.isText()
                    && column.size() < rule.redactValue().length()) {
                problems.add(where + " holds " + column.size() + " characters, shorter than the redaction text");
            }
            if ((rule.strategy() == Strategy.HASH || rule.strategy() == Strategy.REDACT) && !column.isText()) {
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

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
