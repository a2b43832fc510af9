package org.rightsflow.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.rightsflow.support.SpreadsheetCsv;

/**
 * Writes the zip of an access package as a stream: the summary page, then per system its JSON document (tables as
 * arrays) and a CSV file per table, then the files staff attached. Nothing is held whole: each system's document is
 * read once for its JSON and once per table for the CSV files, one row at a time, so a 50 MB package needs the
 * memory of one row. Staff exclusions are applied while copying; an excluded table or column never reaches the zip.
 *
 * <p>Plain Java without Spring, so the benchmark (docs/performance.md) can run it alone.
 */
final class PackageWriter {

    /** Something that can be read from the start, as often as needed. */
    interface Content {
        InputStream open() throws IOException;
    }

    /** A file staff attached: its name in the zip's folder of the system, and its content. */
    record Attachment(long accessFileId, String name, Content content) {
    }

    /**
     * What one system contributes.
     *
     * @param data   the system's JSON document, or null when it returned none (no data found, fulfilled by hand)
     * @param shapes the tables of {@code data}, from {@link TableShape#scan}
     */
    record SystemPart(String key, String name, Content data, Map<String, TableShape> shapes,
                      List<Attachment> attachments, List<Exclusion> exclusions) {

        boolean excludedWhole() {
            return exclusions.stream().anyMatch(Exclusion::wholeSystem);
        }

        boolean excludesTable(String table) {
            return excludedWhole() || exclusions.stream().anyMatch(e -> e.coversTable(table));
        }

        boolean excludesColumn(String table, String column) {
            return excludesTable(table) || exclusions.stream().anyMatch(e -> e.coversColumn(table, column));
        }

        boolean excludesAttachment(long accessFileId) {
            return excludedWhole() || exclusions.stream().anyMatch(e -> Long.valueOf(accessFileId).equals(e.accessFileId()));
        }

        List<String> includedColumns(TableShape shape) {
            return shape.columns().stream().filter(column -> !excludesColumn(shape.name(), column)).toList();
        }
    }

    /** What was written: the entries of the zip, in order. */
    record Written(List<String> entries) {
    }

    private static final Pattern UNSAFE_NAME = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final Pattern WINDOWS_DEVICE =
            Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final int MAX_NAME = 100;

    private final JsonFactory json;

    PackageWriter() {
        this.json = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
        this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    JsonFactory jsonFactory() {
        return json;
    }

    Written write(OutputStream out, String reference, String summaryHtml, List<SystemPart> systems)
            throws IOException {
        List<String> entries = new ArrayList<>();
        Set<String> used = new HashSet<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setComment("Personal data for request " + reference);
        OutputStream entry = new KeepOpen(zip);

        entries.add(begin(zip, "summary.html", used));
        entry.write(summaryHtml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();

        for (SystemPart system : systems) {
            if (system.excludedWhole()) {
                continue;
            }
            String folder = safe(system.key());
            if (system.data() != null) {
                entries.add(begin(zip, "data/" + folder + ".json", used));
                copyJson(system, reference, entry);
                zip.closeEntry();
                for (TableShape shape : system.shapes().values()) {
                    if (system.excludesTable(shape.name())) {
                        continue;
                    }
                    entries.add(begin(zip, "data/" + folder + "/" + safe(shape.name()) + ".csv", used));
                    writeCsv(system, shape, entry);
                    zip.closeEntry();
                }
            }
            for (Attachment attachment : system.attachments()) {
                if (system.excludesAttachment(attachment.accessFileId())) {
                    continue;
                }
                entries.add(begin(zip, "files/" + folder + "/" + safe(attachment.name()), used));
                try (InputStream in = attachment.content().open()) {
                    in.transferTo(entry);
                }
                zip.closeEntry();
            }
        }
        zip.finish();
        return new Written(entries);
    }

    /** Rewrites the system's document as {@code {"system": ..., "request": ..., "tables": {...}}} minus exclusions. */
    private void copyJson(SystemPart system, String reference, OutputStream out) throws IOException {
        try (InputStream in = system.data().open();
             JsonParser parser = json.createParser(in);
             JsonGenerator generator = json.createGenerator(out).useDefaultPrettyPrinter()) {
            generator.writeStartObject();
            generator.writeObjectFieldStart("system");
            generator.writeStringField("key", system.key());
            generator.writeStringField("name", system.name());
            generator.writeEndObject();
            generator.writeStringField("request", reference);
            generator.writeObjectFieldStart("tables");
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String table = parser.currentName();
                JsonToken value = parser.nextToken();
                if (system.excludesTable(table) || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                generator.writeArrayFieldStart(table);
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        copyExact(parser, generator);
                        continue;
                    }
                    generator.writeStartObject();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String column = parser.currentName();
                        parser.nextToken();
                        if (system.excludesColumn(table, column)) {
                            parser.skipChildren();
                        } else {
                            generator.writeFieldName(column);
                            copyExact(parser, generator);
                        }
                    }
                    generator.writeEndObject();
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
            generator.writeEndObject();
        }
    }

    /**
     * One table as CSV (UTF-8, see {@link SpreadsheetCsv}): a header of its columns, then a line per row in document
     * order.
     */
    private void writeCsv(SystemPart system, TableShape shape, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try (SpreadsheetCsv csv = new SpreadsheetCsv(text)) {
            csv.row(system.includedColumns(shape));
            forEachRow(system, shape, Integer.MAX_VALUE, csv::row);
        }
    }

    /** Receives a table's rows one at a time. */
    interface RowSink {
        void row(List<Object> cells) throws IOException;
    }

    /**
     * The table's first {@code limit} rows in document order, each as the cells of the columns the subject gets
     * ({@link SystemPart#includedColumns}): what the CSV file holds and what the summary page shows. Cells are as
     * {@link #cell} reads them. Reads the system's document once, a row at a time.
     */
    void forEachRow(SystemPart system, TableShape shape, int limit, RowSink sink) throws IOException {
        List<String> columns = system.includedColumns(shape);
        int given = 0;
        try (InputStream in = system.data().open(); JsonParser parser = json.createParser(in)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean ours = parser.currentName().equals(shape.name());
                if (parser.nextToken() != JsonToken.START_ARRAY || !ours) {
                    parser.skipChildren();
                    continue;
                }
                while (given < limit && parser.nextToken() != JsonToken.END_ARRAY) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    if (parser.currentToken() == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String column = parser.currentName();
                            parser.nextToken();
                            row.put(column, cell(parser));
                        }
                    } else {
                        parser.skipChildren();
                    }
                    List<Object> cells = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        cells.add(row.get(column));
                    }
                    sink.row(cells);
                    given++;
                }
                return;
            }
        }
    }

    /**
     * A value as a CSV cell: text as text (which the CSV writer defuses), numbers and booleans as the system wrote
     * them, nested objects and arrays as their JSON.
     */
    private Object cell(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> parser.getText();
            case START_OBJECT, START_ARRAY -> {
                StringWriter nested = new StringWriter();
                try (JsonGenerator generator = json.createGenerator(nested)) {
                    copyExact(parser, generator);
                }
                yield nested.toString();
            }
            default -> new SpreadsheetCsv.Value(parser.getText());
        };
    }

    /**
     * Copies the value at the parser's position as it was written: decimals keep every digit (12.50 stays 12.50,
     * where Jackson's own copy would read a double), so the JSON document says exactly what the system holds.
     */
    private static void copyExact(JsonParser parser, JsonGenerator generator) throws IOException {
        int depth = 0;
        do {
            JsonToken token = parser.currentToken();
            generator.copyCurrentEventExact(parser);
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
        } while (depth > 0 && parser.nextToken() != null);
    }

    private static String begin(ZipOutputStream zip, String name, Set<String> used) throws IOException {
        String unique = name;
        for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
            int dot = name.lastIndexOf('.');
            unique = dot > name.lastIndexOf('/') ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        }
        zip.putNextEntry(new ZipEntry(unique));
        return unique;
    }

    /**
     * A name safe in every file system: letters, digits, dot, dash and underscore; never empty, hidden or a device
     * name Windows reserves; at most 100 characters, keeping the extension so the file still opens.
     */
    static String safe(String name) {
        String cleaned = UNSAFE_NAME.matcher(name == null ? "" : name).replaceAll("_");
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.' || c == '_')) {
            cleaned = "file";
        }
        if (cleaned.startsWith(".")) {
            cleaned = "_" + cleaned.substring(1);
        }
        if (WINDOWS_DEVICE.matcher(cleaned).matches()) {
            cleaned = "_" + cleaned;
        }
        if (cleaned.length() > MAX_NAME) {
            int dot = cleaned.lastIndexOf('.');
            String extension = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, MAX_NAME - extension.length()) + extension;
        }
        return cleaned;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("unexpected JSON: " + actual + " where " + expected + " was expected");
        }
    }

    /** The zip's stream, passed to writers that close what they are given; the entry is closed by the zip. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
