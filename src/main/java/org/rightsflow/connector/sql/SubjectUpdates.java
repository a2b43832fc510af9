package org.rightsflow.connector.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.TableReport;

/**
 * Opt-out, limit of sensitive data use and correction: updates of declared columns in the subject's rows, addressed
 * like deletes (the identity table's rows by their key, a child's by the parent keys found). Each update changes only
 * rows whose values differ, so its count is the number of rows really changed and a second run changes nothing.
 */
final class SubjectUpdates {

    /** Field names from a request are echoed in the summary only when they look like field names. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final SqlMapping mapping;
    private final SqlExecutor executor;

    SubjectUpdates(SqlMapping mapping, SqlExecutor executor) {
        this.mapping = mapping;
        this.executor = executor;
    }

    /**
     * Sets every table's columns declared for the action ({@code optOut} or {@code limitUse}); reports the tables that
     * declare some and where rows were found.
     */
    List<TableReport> setDeclared(ConnectorAction action, SubjectRows found) {
        List<TableReport> reports = new ArrayList<>();
        for (MappedTable table : mapping.tables()) {
            int rows = found.of(table).size();
            Map<String, Object> values = table.declaredValues(action);
            if (values.isEmpty() || rows == 0) {
                continue;
            }
            int updated = executor.updateWhereIn(doing(action, table), table, values, table.selectorColumn(),
                    found.selectorValues(table));
            reports.add(new TableReport(table.name(), rows, 0, updated, 0, 0, 0, List.of()));
        }
        return reports;
    }

    /** What an update of declared columns is doing, for the message when it fails. */
    static String doing(ConnectorAction action, MappedTable table) {
        return (action == ConnectorAction.LIMIT_USE ? "Limiting the use of sensitive data in " : "Opting out in ")
                + table.name();
    }

    /** The outcome of a correction: per table what changed, and the sentence for staff. */
    record CorrectionOutcome(List<TableReport> tables, String summary) {
    }

    /**
     * Applies each requested field to every table that declares it, converted to the column's type. A field no
     * table declares, or a value that is no value of its column's type, is reported and not applied; the others are.
     */
    CorrectionOutcome correct(SubjectRows found, Map<String, String> corrections) {
        Set<String> declared = new LinkedHashSet<>();
        mapping.tables().forEach(table -> declared.addAll(table.corrections().keySet()));
        List<String> notApplied = new ArrayList<>();
        int unnamed = 0;
        for (String field : corrections.keySet()) {
            if (!declared.contains(field)) {
                if (FIELD_NAME.matcher(field).matches()) {
                    notApplied.add(field + " (no such field in this system)");
                } else {
                    unnamed++;
                }
            }
        }
        if (unnamed > 0) {
            notApplied.add(Summaries.count(unnamed, "field") + " with an unusable name");
        }
        List<TableReport> reports = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        int rowsUpdated = 0;
        for (MappedTable table : mapping.tables()) {
            int rows = found.of(table).size();
            Map<String, String> fields = new LinkedHashMap<>();
            table.corrections().forEach((field, column) -> {
                if (corrections.containsKey(field)) {
                    fields.put(field, column);
                }
            });
            if (fields.isEmpty() || rows == 0) {
                continue;
            }
            Map<String, SqlExecutor.ColumnType> types = executor.columnTypes(table, new LinkedHashSet<>(fields.values()));
            Map<String, Object> values = new LinkedHashMap<>();
            List<String> fieldNames = new ArrayList<>();
            fields.forEach((field, column) -> {
                SqlExecutor.ColumnType type = types.get(column);
                try {
                    values.put(column, TypedText.convert(corrections.get(field), type.sqlType(), type.name()));
                    fieldNames.add(field);
                } catch (IllegalArgumentException e) {
                    notApplied.add(field + " (" + e.getMessage() + ")");
                }
            });
            int updated = values.isEmpty() ? 0 : executor.updateWhereIn("Correcting " + table.name(), table, values,
                    table.selectorColumn(), found.selectorValues(table));
            reports.add(new TableReport(table.name(), rows, 0, updated, 0, 0, 0, List.of()));
            rowsUpdated += updated;
            if (updated > 0) {
                applied.add(String.join(", ", fieldNames) + " in " + table.name());
            }
        }
        return new CorrectionOutcome(reports, Summaries.correction(found.total(), rowsUpdated, applied, notApplied));
    }
}
