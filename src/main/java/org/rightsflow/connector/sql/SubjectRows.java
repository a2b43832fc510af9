package org.rightsflow.connector.sql;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The subject's rows per mapped table, as one read found them. */
final class SubjectRows {

    private final Map<MappedTable, List<Row>> rows = new LinkedHashMap<>();

    void put(MappedTable table, List<Row> found) {
        rows.put(table, List.copyOf(found));
    }

    List<Row> of(MappedTable table) {
        return rows.getOrDefault(table, List.of());
    }

    /** The distinct non-null values of one column, e.g. the parent keys the next table refers to. */
    Set<Object> values(MappedTable table, String column) {
        Set<Object> values = new LinkedHashSet<>();
        for (Row row : of(table)) {
            Object value = row.get(column);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** The values of {@link MappedTable#selectorColumn()} that address the table's rows of the subject. */
    Set<Object> selectorValues(MappedTable table) {
        return table.isIdentityTable() ? values(table, table.key().get(0))
                : values(table.parent(), table.parentKey());
    }

    int total() {
        return rows.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return "SubjectRows[" + total() + " rows]";
    }
}
