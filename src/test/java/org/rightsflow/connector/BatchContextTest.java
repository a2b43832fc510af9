package org.rightsflow.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchContextTest {

    private static final List<DataSubject> PEOPLE = List.of(new DataSubject("alice@example.com", "Alice", "C-1"));

    @Test
    void onlyOptOutsAndLimitsComeInBatches() {
        for (ConnectorAction action : List.of(ConnectorAction.ACCESS, ConnectorAction.PLAN_ERASURE,
                ConnectorAction.ERASE, ConnectorAction.CORRECT)) {
            assertThatThrownBy(() -> new BatchContext("OPT-2026-000012", action, null, PEOPLE, "k"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a batch carries OPT_OUT or LIMIT_USE, not " + action);
        }
        assertThat(new BatchContext("OPT-2026-000012", ConnectorAction.LIMIT_USE, null, PEOPLE, "k").action())
                .isEqualTo(ConnectorAction.LIMIT_USE);
    }

    @Test
    void itsTextNamesTheBatchButNobodyInIt() {
        BatchContext batch = new BatchContext("OPT-2026-000012", ConnectorAction.OPT_OUT, LocalDate.of(2026, 3, 15),
                PEOPLE, "k");

        assertThat(batch.toString()).isEqualTo("BatchContext[OPT-2026-000012, OPT_OUT, 1 person]")
                .doesNotContain("alice", "Alice", "C-1");
    }
}
