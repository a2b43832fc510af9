package org.rightsflow.connector.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.TableReport;

/** The results of a batch's calls as one: counts summed per table, the receiver's sentences side by side. */
final class BatchResults {

    /** The journal keeps 2,000 characters of a summary; the counts are in the tables either way. */
    private static final int MAX_SUMMARY = 1500;

    private BatchResults() {
    }

    /**
     * @param people  how many people the batch had
     * @param results one per call, in order
     */
    static ActionResult combine(ConnectorAction action, int people, List<ActionResult> results) {
        Map<String, TableReport> tables = new LinkedHashMap<>();
        Set<String> sentences = new LinkedHashSet<>();
        for (ActionResult result : results) {
            result.tables().forEach(table -> tables.merge(table.table(), table, BatchResults::add));
            sentences.add(result.summary());
        }
        String head = String.format(Locale.ROOT, "%,d", people) + (people == 1 ? " person" : " people") + " in "
                + results.size() + (results.size() == 1 ? " call" : " calls");
        String summary = results.isEmpty() ? head + ": nothing to send."
                : head + ": " + String.join(" ", sentences);
        if (summary.length() > MAX_SUMMARY) {
            summary = summary.substring(0, MAX_SUMMARY - 1) + "…";
        }
        return new ActionResult(action, ActionResult.Status.DONE, List.copyOf(tables.values()), List.of(), Map.of(),
                summary);
    }

    private static TableReport add(TableReport a, TableReport b) {
        Set<String> notes = new LinkedHashSet<>(a.retentionNotes());
        notes.addAll(b.retentionNotes());
        Set<String> masked = new LinkedHashSet<>(a.maskedColumns());
        masked.addAll(b.maskedColumns());
        Set<TableReport.Keeping> kept = new LinkedHashSet<>(a.kept());
        kept.addAll(b.kept());
        return new TableReport(a.table(), a.rowsFound() + b.rowsFound(), a.rowsDeleted() + b.rowsDeleted(),
                a.rowsUpdated() + b.rowsUpdated(), a.fieldsMasked() + b.fieldsMasked(),
                a.rowsRetained() + b.rowsRetained(), a.fieldsRetained() + b.fieldsRetained(), new ArrayList<>(notes),
                new ArrayList<>(masked), new ArrayList<>(kept));
    }
}
