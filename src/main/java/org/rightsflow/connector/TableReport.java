package org.rightsflow.connector;

import java.util.List;

/**
 * What happened (or, for a dry run, would happen) in one table or collection of one system. Counts only: no
 * personal data, so it can be kept as evidence and shown to staff.
 *
 * @param rowsFound      rows that belong to the subject
 * @param rowsDeleted    rows deleted
 * @param rowsUpdated    rows changed (masked, opted out, corrected)
 * @param fieldsMasked   values set to null, redacted or hashed
 * @param rowsRetained   rows kept whole, with a legal basis
 * @param fieldsRetained values kept in otherwise masked rows, with a legal basis
 * @param retentionNotes the legal basis and note for everything kept, e.g. "GDPR Art. 17(3)(b): invoices, 10 years"
 * @param maskedColumns  the columns whose values were (or would be) masked: names, never values; for the subject's
 *                       answer, which names them by their labels
 * @param kept           what is kept and why, as the parts the subject's answer words in their own language
 */
public record TableReport(String table, int rowsFound, int rowsDeleted, int rowsUpdated, int fieldsMasked,
                          int rowsRetained, int fieldsRetained, List<String> retentionNotes,
                          List<String> maskedColumns, List<Keeping> kept) {

    public TableReport {
        retentionNotes = retentionNotes == null ? List.of() : List.copyOf(retentionNotes);
        maskedColumns = maskedColumns == null ? List.of() : List.copyOf(maskedColumns);
        kept = kept == null ? List.of() : List.copyOf(kept);
    }

    /** A report that names no masked columns and no structured reasons (systems that report counts only). */
    public TableReport(String table, int rowsFound, int rowsDeleted, int rowsUpdated, int fieldsMasked,
                       int rowsRetained, int fieldsRetained, List<String> retentionNotes) {
        this(table, rowsFound, rowsDeleted, rowsUpdated, fieldsMasked, rowsRetained, fieldsRetained, retentionNotes,
                List.of(), List.of());
    }

    /**
     * Something kept: the legal basis (its code, e.g. {@code GDPR_ART_17_3_B}), the note the mapping gives for it,
     * and the columns it covers (empty: the whole rows).
     */
    public record Keeping(String basis, String note, List<String> columns) {

        public Keeping {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    public static TableReport found(String table, int rows) {
        return new TableReport(table, rows, 0, 0, 0, 0, 0, List.of());
    }

    /** What a re-read after an erasure still found here, and why it stays: "invoices: 2 row(s) kept (Art. 17(3)(b))". */
    String remainder() {
        String kept = rowsRetained > 0 ? rowsRetained + " row(s) kept"
                : fieldsRetained > 0 ? fieldsRetained + " field(s) kept"
                : rowsFound + " row(s)";
        return table + ": " + kept
                + (retentionNotes.isEmpty() ? " (no reason recorded)" : " (" + String.join("; ", retentionNotes) + ")");
    }
}
