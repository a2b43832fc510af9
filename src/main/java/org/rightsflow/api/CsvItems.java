package org.rightsflow.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the CSV form of a bulk opt-out call: a header line naming the columns (email required; purpose, choice,
 * source, regime, receivedAt optional, in any order), then one opt-out per line. Fields may be quoted ("..."), with
 * "" for a quote inside. Blank lines are skipped; a line's position in the report counts data lines from 0.
 */
final class CsvItems {

    private static final List<String> COLUMNS = List.of("email", "purpose", "choice", "source", "regime", "receivedat");

    private CsvItems() {
    }

    static List<OptOutsApiController.OptOutItem> parse(String csv) {
        String[] lines = (csv == null ? "" : csv).replace("\r\n", "\n").replace('\r', '\n').split("\n");
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            throw new InvalidFieldsException(List.of(new FieldProblem("csv", "the file is empty: send a header line "
                    + "(email,purpose,source,...) and one opt-out per line")));
        }
        List<String> header = fields(stripBom(lines[first])).stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        int[] columnOf = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            columnOf[c] = header.indexOf(COLUMNS.get(c));
        }
        List<FieldProblem> unknown = new ArrayList<>();
        header.stream().filter(name -> !COLUMNS.contains(name)).forEach(name -> unknown.add(new FieldProblem("csv",
                "unknown column '" + name + "' in the header; the columns are email, purpose, choice, source, regime, "
                        + "receivedAt")));
        if (columnOf[0] < 0) {
            unknown.add(new FieldProblem("csv", "the header line must name an 'email' column"));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidFieldsException(unknown);
        }
        List<OptOutsApiController.OptOutItem> items = new ArrayList<>();
        for (int i = first + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = fields(lines[i]);
            items.add(new OptOutsApiController.OptOutItem(field(fields, columnOf[0]), field(fields, columnOf[1]),
                    field(fields, columnOf[2]), field(fields, columnOf[3]), field(fields, columnOf[4]),
                    field(fields, columnOf[5])));
        }
        return items;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String field(List<String> fields, int column) {
        return column < 0 || column >= fields.size() ? null : fields.get(column).strip();
    }

    /** The fields of one line; a quoted field may hold commas and doubled quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
