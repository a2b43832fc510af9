package org.rightsflow.connector.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.LegalBasis;
import org.rightsflow.connector.TableReport;

/**
 * Plans an erasure from the rows found, applies it, and checks the result. The plan and the erasure share one
 * computation ({@link #plan}), which is why the dry run's counts are the erasure's counts.
 */
final class Erasure {

    private final SqlMapping mapping;
    private final Hasher hasher;

    /** @param hasher null when the mapping uses no hash strategy */
    Erasure(SqlMapping mapping, Hasher hasher) {
        this.mapping = mapping;
        this.hasher = hasher;
    }

    /** One row's masked columns that change, with their new values. */
    record RowChange(List<Object> key, Map<String, Object> newValues) {
        @Override
        public String toString() {
            return "RowChange[" + newValues.keySet() + "]";
        }
    }

    /** What erasing does to one table's rows of the subject. */
    record TablePlan(MappedTable table, int rowsFound, List<RowChange> changes, int fieldsMasked, int rowsRetained,
                     int fieldsRetained, List<String> notes, List<TableReport.Keeping> kept) {

        int rowsToDelete() {
            return table.erasure().mode() == TableErasure.Mode.DELETE ? rowsFound : 0;
        }

        TableReport report(int rowsDeleted) {
            Set<String> maskedColumns = new LinkedHashSet<>();
            changes.forEach(change -> maskedColumns.addAll(change.newValues().keySet()));
            return new TableReport(table.name(), rowsFound, rowsDeleted, changes.size(), fieldsMasked, rowsRetained,
                    fieldsRetained, notes, List.copyOf(maskedColumns), kept);
        }
    }

    /** Per table in mapping order: rows found, what would be deleted, masked (only values that change) and kept. */
    List<TablePlan> plan(SubjectRows rows) {
        List<TablePlan> plans = new ArrayList<>();
        for (MappedTable table : mapping.tables()) {
            List<Row> found = rows.of(table);
            TableErasure erasure = table.erasure();
            switch (erasure.mode()) {
                case DELETE -> plans.add(new TablePlan(table, found.size(), List.of(), 0, 0, 0, List.of(), List.of()));
                case RETAIN -> plans.add(new TablePlan(table, found.size(), List.of(), 0, found.size(), 0,
                        found.isEmpty() ? List.of() : List.of(note(erasure.basis(), erasure.note(), List.of())),
                        found.isEmpty() ? List.of() : List.of(keeping(erasure.basis(), erasure.note(), List.of()))));
                case MASK -> plans.add(maskPlan(table, found));
            }
        }
        return plans;
    }

    private TablePlan maskPlan(MappedTable table, List<Row> found) {
        List<RowChange> changes = new ArrayList<>();
        int fieldsMasked = 0;
        for (Row row : found) {
            Map<String, Object> newValues = new LinkedHashMap<>();
            for (ColumnRule rule : table.erasure().masked()) {
                Object value = row.get(rule.column());
                if (!rule.isMasked(value)) {
                    newValues.put(rule.column(), rule.mask(value, hasher));
                }
            }
            if (!newValues.isEmpty()) {
                changes.add(new RowChange(row.key(table), newValues));
                fieldsMasked += newValues.size();
            }
        }
        Retained retained = retained(table, found);
        return new TablePlan(table, found.size(), changes, fieldsMasked, 0, retained.fields(), retained.notes(),
                retained.kept());
    }

    /**
     * Applies the plan inside the caller's transaction, children before parents. Deletes address a child's rows by
     * the parent keys captured in the read (not by the identity, and not by the child keys), so that they also take
     * rows a parent gained since; masking updates rows one by one by their key, in batches.
     *
     * @return rows deleted per table
     */
    Map<MappedTable, Integer> apply(SqlExecutor executor, SubjectRows found, List<TablePlan> plans) {
        Map<MappedTable, TablePlan> byTable = new LinkedHashMap<>();
        plans.forEach(plan -> byTable.put(plan.table(), plan));
        Map<MappedTable, Integer> deleted = new LinkedHashMap<>();
        for (MappedTable table : mapping.childrenFirst()) {
            TablePlan plan = byTable.get(table);
            switch (table.erasure().mode()) {
                case DELETE -> deleted.put(table, executor.deleteWhereIn(table, table.selectorColumn(),
                        found.selectorValues(table)));
                case MASK -> mask(executor, table, plan.changes());
                case RETAIN -> deleted.put(table, 0);
            }
            deleted.putIfAbsent(table, 0);
        }
        return deleted;
    }

    /** One UPDATE per set of changing columns (usually one), run in batches, one row per parameter list. */
    private static void mask(SqlExecutor executor, MappedTable table, List<RowChange> changes) {
        Map<List<String>, List<RowChange>> byColumns = new LinkedHashMap<>();
        for (RowChange change : changes) {
            byColumns.computeIfAbsent(List.copyOf(change.newValues().keySet()), columns -> new ArrayList<>()).add(change);
        }
        for (List<RowChange> group : byColumns.values()) {
            // Within a group every column has one rule, so whether its new value is NULL is the same for every row.
            String sql = SqlStatements.update(table, group.get(0).newValues(), SqlStatements.keyEquals(table));
            List<List<Object>> parameterLists = new ArrayList<>();
            for (RowChange change : group) {
                List<Object> params = new ArrayList<>(SqlStatements.nonNull(change.newValues()));
                params.addAll(change.key());
                parameterLists.add(params);
            }
            executor.batch("Masking columns in " + table.name(), sql, parameterLists);
        }
    }

    /**
     * The proof of erasure, from the rows read again after the commit: per table, what is still there with the reason
     * it is kept. Deleted rows that are back, or masked values that are not masked, are no such reason: the erasure
     * is incomplete (an application wrote them since, or a trigger), and this step fails so it is retried and, if it
     * keeps failing, becomes an incident for staff to look at.
     */
    List<TableReport> remaining(SubjectRows after) {
        List<TableReport> remaining = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (MappedTable table : mapping.tables()) {
            List<Row> rows = after.of(table);
            if (rows.isEmpty()) {
                continue;
            }
            TableErasure erasure = table.erasure();
            switch (erasure.mode()) {
                case DELETE -> problems.add(Summaries.count(rows.size(), "row") + " in " + table.name()
                        + " that should be deleted");
                case RETAIN -> remaining.add(new TableReport(table.name(), rows.size(), 0, 0, 0, rows.size(), 0,
                        List.of(note(erasure.basis(), erasure.note(), List.of())), List.of(),
                        List.of(keeping(erasure.basis(), erasure.note(), List.of()))));
                case MASK -> {
                    int unmasked = 0;
                    for (Row row : rows) {
                        for (ColumnRule rule : erasure.masked()) {
                            if (!rule.isMasked(row.get(rule.column()))) {
                                unmasked++;
                            }
                        }
                    }
                    if (unmasked > 0) {
                        problems.add(Summaries.count(unmasked, "unmasked field") + " in " + table.name());
                    }
                    Retained retained = retained(table, rows);
                    if (retained.fields() > 0) {
                        remaining.add(new TableReport(table.name(), rows.size(), 0, 0, 0, 0, retained.fields(),
                                retained.notes(), List.of(), retained.kept()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConnectorException("The erasure was committed, but reading again still found "
                    + String.join(", ", problems) + ". Something wrote the data again since (an application, a "
                    + "trigger), or the mapping misses a relation; the step can be retried.");
        }
        return remaining;
    }

    private record Retained(int fields, List<String> notes, List<TableReport.Keeping> kept) {
    }

    /** Non-null values in retained columns, and one note per basis and note with the columns it covers. */
    private static Retained retained(MappedTable table, List<Row> rows) {
        Map<String, List<String>> columnsByNote = new LinkedHashMap<>();
        Map<String, ColumnRule> firstRule = new LinkedHashMap<>();
        int fields = 0;
        for (ColumnRule rule : table.erasure().retained()) {
            int values = 0;
            for (Row row : rows) {
                if (row.get(rule.column()) != null) {
                    values++;
                }
            }
            if (values > 0) {
                String key = rule.basis().name() + "\u0000" + rule.note();
                columnsByNote.computeIfAbsent(key, k -> new ArrayList<>()).add(rule.column());
                firstRule.putIfAbsent(key, rule);
                fields += values;
            }
        }
        List<String> notes = new ArrayList<>();
        List<TableReport.Keeping> kept = new ArrayList<>();
        columnsByNote.forEach((key, columns) -> {
            notes.add(note(firstRule.get(key).basis(), firstRule.get(key).note(), columns));
            kept.add(keeping(firstRule.get(key).basis(), firstRule.get(key).note(), columns));
        });
        return new Retained(fields, notes, kept);
    }

    /** The same, as parts the subject's answer words in their language. */
    static TableReport.Keeping keeping(LegalBasis basis, String note, List<String> columns) {
        return new TableReport.Keeping(basis.name(), note, columns);
    }

    /** "GDPR Art. 17(3)(b): invoices, 10 years", with "(fields: a, b)" when only some columns are kept. */
    static String note(LegalBasis basis, String note, List<String> columns) {
        return basis.label() + ": " + note + (columns.isEmpty() ? "" : " (fields: " + String.join(", ", columns) + ")");
    }
}
