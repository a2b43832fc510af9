package org.rightsflow.connector.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One row as read: column (as the mapping names it) → value (see {@link JsonValues#read}). Personal data. */
record Row(Map<String, Object> values) {

    Row {
        values = Collections.unmodifiableMap(values);
    }

    Object get(String column) {
        return values.get(column);
    }

    /** The row's key values, in the order of the table's key columns. */
    List<Object> key(MappedTable table) {
        List<Object> key = new ArrayList<>();
        for (String column : table.key()) {
            key.add(values.get(column));
        }
        return key;
    }

    @Override
    public String toString() {
        return "Row[" + values.size() + " columns]";
    }
}
