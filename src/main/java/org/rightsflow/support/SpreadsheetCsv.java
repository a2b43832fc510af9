package org.rightsflow.support;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV file that a person will open in a spreadsheet: RFC 4180 (comma, CRLF, a cell quoted where it holds a
 * comma, a quote or a line break, a lone empty cell quoted so its row still counts), with text that a spreadsheet would
 * run as a formula defused. Every CSV file Rightsflow hands out is written through here, so the guard against formula
 * injection (OWASP "CSV Injection") is one rule in one place.
 *
 * <p>A text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets an
 * apostrophe in front: the spreadsheet shows it as text and hides the apostrophe. Numbers and flags are values, not
 * text: a negative number keeps its minus and stays a number.
 */
public final class SpreadsheetCsv implements Closeable, Flushable {

    /**
     * A cell that is a value (a number or a flag) written exactly as its source wrote it, such as a JSON number
     * ({@code 12.50}, {@code 1e-7}) whose digits a Java number would change.
     */
    public record Value(String text) {
    }

    private final CSVPrinter printer;

    /** Writes to {@code out}; closing this closes {@code out}. */
    public SpreadsheetCsv(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
    }

    /**
     * Writes one row. A {@link String} is text and is defused; a {@link Number}, a {@link Boolean} or a {@link Value}
     * is a value and written as is; null is an empty cell. Any other type is refused, so nothing reaches the file
     * unguarded through its {@code toString()}.
     */
    public void row(List<?> cells) throws IOException {
        List<String> line = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            line.add(written(cell));
        }
        printer.printRecord(line);
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }

    private static String written(Object cell) {
        if (cell == null) {
            return "";
        } else if (cell instanceof String text) {
            return defused(text);
        } else if (cell instanceof Value value) {
            return value.text();
        } else if (cell instanceof Number || cell instanceof Boolean) {
            return cell.toString();
        }
        throw new IllegalArgumentException("a CSV cell is text, a number or a flag, not a "
                + cell.getClass().getSimpleName());
    }

    private static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
