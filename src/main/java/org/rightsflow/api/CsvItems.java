package org.rightsflow.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV form of a bulk opt-out call: a header line naming the columns (email required; purpose, choice,
 * source, regime, receivedAt optional, in any order), then one opt-out per record. RFC 4180 as spreadsheets save it:
 * a quoted field ("...") may hold commas, line breaks and "" for a quote; a byte order mark at the start is ignored;
 * blank lines are skipped. An item's position in the report counts data records from 0. A file that is not valid
 * CSV is refused whole, with the line where reading stopped, so no opt-out of it is lost or read half.
 */
final class CsvItems {

    private static final List<String> COLUMNS = List.of("email", "purpose", "choice", "source", "regime", "receivedat");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private CsvItems() {
    }

    static List<OptOutsApiController.OptOutItem> parse(String csv) {
        String text = csv == null ? "" : csv;
        List<CSVRecord> records = records(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("csv", "the file is empty: send a header line "
                    + "(email,purpose,source,...) and one opt-out per line")));
        }
        List<String> header = records.get(0).stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
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
        for (CSVRecord record : records.subList(1, records.size())) {
            items.add(new OptOutsApiController.OptOutItem(field(record, columnOf[0]), field(record, columnOf[1]),
                    field(record, columnOf[2]), field(record, columnOf[3]), field(record, columnOf[4]),
                    field(record, columnOf[5])));
        }
        return items;
    }

    /** Every record of the file but blank lines; all of them, or a clear refusal. */
    private static List<CSVRecord> records(String text) {
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> read = parser.iterator();
            long nextLine = 1;
            try {
                while (read.hasNext()) {
                    CSVRecord record = read.next();
                    if (!(record.size() == 1 && record.get(0).isBlank())) {
                        records.add(record);
                    }
                    nextLine = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException e) {
                throw new InvalidFieldsException(List.of(new FieldProblem("csv", "the file is not valid CSV at or "
                        + "after line " + nextLine + ": a quoted field must end with a quote followed by a comma or "
                        + "the end of the line, and a quote inside it is written twice (\"\"); nothing was recorded")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading CSV from memory failed", e);
        }
        return records;
    }

    private static String field(CSVRecord record, int column) {
        return column < 0 || column >= record.size() ? null : record.get(column).strip();
    }
}
