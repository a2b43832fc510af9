package org.rightsflow.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The step journal keeps an attempt the application never finished. When the repeated attempt finds nothing left
 * to change, the record says an interrupted attempt did the work, instead of reading as "nothing was there".
 */
@RightsflowIntegrationTest
class InterruptedStepIntegrationTest {

    static final String REFERENCE = "DSR-2026-990001";

    @Autowired
    SystemActions actions;

    @Autowired
    SystemRegistry registry;

    @Autowired
    StepJournal journal;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void aRepeatedErasureAfterAnInterruptedAttemptSaysTheEarlierAttemptDidIt() {
        long shop = registry.find("shop-db").orElseThrow().id();
        ActionContext context = new ActionContext(REFERENCE, RequestType.DELETION, Regime.GDPR, LocalDate.now(),
                new DataSubject("grace.hopper@example.com", "Grace Hopper", null), Map.of(), null,
                REFERENCE + ":shop-db:ERASE");

        StepView first = erase(shop, context);
        assertThat(first.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(first.summary()).startsWith("Deleted");

        StepView again = erase(shop, context);
        assertThat(again.summary()).as("a plain repeat, nothing interrupted").startsWith("Found nothing");

        // As a crash leaves it: the attempt was started (and the system changed), its end never recorded.
        journal.recordStart(REFERENCE, shop, ConnectorAction.ERASE, "Rightsflow connector", clock.instant());
        StepView afterCrash = erase(shop, context);
        assertThat(afterCrash.summary()).startsWith("Carried out by an earlier attempt that a restart interrupted "
                + "before it was recorded; checked again now: Found nothing");
        assertThat(actions.stepsOf(REFERENCE)).extracting(StepView::status)
                .containsExactly(StepStatus.SUCCEEDED, StepStatus.SUCCEEDED, StepStatus.STARTED, StepStatus.SUCCEEDED);
    }

    private StepView erase(long system, ActionContext context) {
        return transactions.execute(status -> actions.perform(REFERENCE, system, ConnectorAction.ERASE, context,
                "Rightsflow connector"));
    }
}
