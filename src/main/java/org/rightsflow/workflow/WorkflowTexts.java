package org.rightsflow.workflow;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rightsflow.connector.StepView;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.connector.TableReport;
import org.rightsflow.request.RequestedCorrections;

final class WorkflowTexts {

    private WorkflowTexts() {
    }

    /** What the re-read after an erasure still found, table by table: the proof of erasure, for the timeline. */
    static String proofOfErasure(StepView erase) {
        if (erase.remaining().isEmpty()) {
            return "Proof of erasure: read again afterwards, nothing of the subject remains.";
        }
        return "Proof of erasure: read again afterwards, what remains is " + erase.remaining().stream()
                .map(WorkflowTexts::remainder).collect(Collectors.joining("; ")) + ".";
    }

    private static String remainder(TableReport table) {
        String kept = table.rowsRetained() > 0 ? table.rowsRetained() + " row(s) kept"
                : table.fieldsRetained() > 0 ? table.fieldsRetained() + " field(s) kept"
                : table.rowsFound() + " row(s)";
        return table.table() + ": " + kept
                + (table.retentionNotes().isEmpty() ? " (no reason recorded)" : " (" + String.join("; ", table.retentionNotes()) + ")");
    }

    /** Corrections as lines for an email or a task: "Last name: Hopper-Smith". */
    static List<String> correctionLines(Map<String, String> corrections) {
        return corrections.entrySet().stream()
                .map(e -> RequestedCorrections.label(e.getKey()) + " (" + e.getKey() + "): " + e.getValue()).toList();
    }

    static String outcomeLabel(SystemOutcome outcome) {
        return switch (outcome) {
            case DONE -> "done";
            case NO_DATA_FOUND -> "no data about the subject";
            case NOT_DONE -> "not done";
        };
    }
}
