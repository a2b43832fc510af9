package org.rightsflow.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table of what a system returned: how many rows, and its columns in the order they first appear. Read by
 * streaming through the system's JSON document ({@code {"table": [{"column": value}, ...], ...}}), holding one
 * field name at a time, so a document of any size is measured in constant memory.
 */
public record TableShape(String name, long rows, List<String> columns) {

    static Map<String, TableShape> scan(InputStream json, JsonFactory factory) throws IOException {
        Map<String, TableShape> shapes = new LinkedHashMap<>();
        try (JsonParser parser = factory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object of tables");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String table = parser.currentName();
                long rows = 0;
                Set<String> columns = new LinkedHashSet<>();
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    rows++;
                    if (parser.currentToken() == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            columns.add(parser.currentName());
                            parser.nextToken();
                            parser.skipChildren();
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                TableShape previous = shapes.get(table);
                if (previous != null) {
                    // The same table twice in one document: count both, keep the columns of both.
                    Set<String> all = new LinkedHashSet<>(previous.columns());
                    all.addAll(columns);
                    shapes.put(table, new TableShape(table, previous.rows() + rows, List.copyOf(all)));
                } else {
                    shapes.put(table, new TableShape(table, rows, List.copyOf(columns)));
                }
            }
        }
        return shapes;
    }
}
