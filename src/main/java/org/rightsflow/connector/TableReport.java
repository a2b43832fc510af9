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
 */
public record TableReport(String table, int rowsFound, int rowsDeleted, int rowsUpdated, int fieldsMasked,
                          int rowsRetained, int fieldsRetained, List<String> retentionNotes) {

    public TableReport {
        retentionNotes = retentionNotes == null ? List.of() : List.copyOf(retentionNotes);
    }

    public static TableReport found(String table, int rows) {
        return new TableReport(table, rows, 0, 0, 0, 0, 0, List.of());
    }
}
