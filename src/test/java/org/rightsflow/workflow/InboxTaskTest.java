package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which inbox tasks offer staff to attach a file for the subject's package. */
class InboxTaskTest {

    private static InboxTask task(InboxTask.Kind kind, String requestType) {
        return new InboxTask("task-1", kind, "Access in Shop database", "DSR-2025-000042", requestType, "GDPR", 1L,
                "Shop database", "", LocalDate.of(2025, 3, 1), 10, null, List.of("shop-owners"),
                Instant.parse("2025-01-30T09:00:00Z"), null);
    }

    @Test
    void aRequestAnsweredWithAPackageAndFulfilledByHandTakesFiles() {
        assertThat(task(InboxTask.Kind.FULFIL, "ACCESS").acceptsUpload()).isTrue();
        assertThat(task(InboxTask.Kind.FULFIL, "PORTABILITY").acceptsUpload()).isTrue();
    }

    @Test
    void otherRequestsAndOtherTasksTakeNone() {
        assertThat(task(InboxTask.Kind.FULFIL, "DELETION").acceptsUpload()).isFalse();
        assertThat(task(InboxTask.Kind.REVIEW_PACKAGE, "ACCESS").acceptsUpload())
                .as("the review leaves things out, it adds none").isFalse();
        assertThat(task(InboxTask.Kind.APPLY_OPT_OUTS, null).acceptsUpload()).as("a batch has no request type").isFalse();
    }
}
