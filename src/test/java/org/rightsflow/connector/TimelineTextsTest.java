package org.rightsflow.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The English a system's outcome and an erasure's proof read as on the request's timeline. */
class TimelineTextsTest {

    @Test
    void eachOutcomeHasItsLabel() {
        assertThat(SystemOutcome.DONE.label()).isEqualTo("done");
        assertThat(SystemOutcome.NO_DATA_FOUND.label()).isEqualTo("no data about the subject");
        assertThat(SystemOutcome.NOT_DONE.label()).isEqualTo("not done");
    }

    @Test
    void aCleanReReadProvesNothingRemains() {
        assertThat(erasure(List.of()).proofOfErasure())
                .isEqualTo("Proof of erasure: read again afterwards, nothing of the subject remains.");
    }

    @Test
    void whatRemainsIsListedTableByTableWithWhyItIsKept() {
        List<TableReport> remaining = List.of(
                new TableReport("invoices", 2, 0, 0, 0, 2, 0, List.of("GDPR Art. 17(3)(b): invoices, 10 years")),
                new TableReport("customers", 1, 0, 1, 3, 0, 1, List.of()),
                TableReport.found("audit_log", 4));
        assertThat(erasure(remaining).proofOfErasure()).isEqualTo("Proof of erasure: read again afterwards, what "
                + "remains is invoices: 2 row(s) kept (GDPR Art. 17(3)(b): invoices, 10 years); customers: 1 field(s) "
                + "kept (no reason recorded); audit_log: 4 row(s) (no reason recorded).");
    }

    private static StepView erasure(List<TableReport> remaining) {
        return new StepView(1, "R-1", 2, "CRM", ConnectorAction.ERASE, StepStatus.SUCCEEDED, "Erased.", List.of(),
                remaining, null, "connector", Instant.EPOCH, Instant.EPOCH, 0);
    }
}
