package org.rightsflow.connector;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** One recorded step, for staff, for the answer to the subject and for the evidence. No personal data. */
public record StepView(long id, String reference, long systemId, String systemName, ConnectorAction action,
                       StepStatus status, String summary, List<TableReport> tables, List<TableReport> remaining,
                       String error, String actor, Instant startedAt, Instant finishedAt, long durationMs) {

    public int rowsFound() {
        return tables.stream().mapToInt(TableReport::rowsFound).sum();
    }

    public int rowsDeleted() {
        return tables.stream().mapToInt(TableReport::rowsDeleted).sum();
    }

    public int fieldsMasked() {
        return tables.stream().mapToInt(TableReport::fieldsMasked).sum();
    }

    public int rowsRetained() {
        return tables.stream().mapToInt(TableReport::rowsRetained).sum();
    }

    /** For an erasure, what the re-read afterwards still found, table by table: the proof of erasure, for the timeline. */
    public String proofOfErasure() {
        if (remaining.isEmpty()) {
            return "Proof of erasure: read again afterwards, nothing of the subject remains.";
        }
        return "Proof of erasure: read again afterwards, what remains is " + remaining.stream()
                .map(TableReport::remainder).collect(Collectors.joining("; ")) + ".";
    }
}
