package org.rightsflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline on the real schema (Flyway's migration on H2): entries are numbered and hash-chained, and a change
 * made behind the application's back (an UPDATE or DELETE in the database) is detected.
 */
@DataJpaTest
@Import({Timeline.class, TimelineTest.FixedClock.class})
class TimelineTest {

    static final Instant NOW = Instant.parse("2027-01-31T10:15:30.123456789Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    private static final String REFERENCE = "DSR-2027-000042";

    @Autowired
    Timeline timeline;

    @Autowired
    TestEntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    private void recordThree(String reference) {
        timeline.record(reference, Actors.SUBJECT, TimelineKind.SUBMITTED, "Access request under GDPR, due 2027-03-01.");
        timeline.record(reference, Actors.SYSTEM, TimelineKind.ACKNOWLEDGED, "Acknowledgement email written.");
        timeline.record(reference, "dpo", TimelineKind.VERIFIED, "Identity verified.");
        // Write everything and forget the cached entities, so reads see what the database holds.
        entityManager.flush();
        entityManager.clear();
    }

    private List<Map<String, Object>> rows(String reference) {
        return jdbc.queryForList("select sequence_no, previous_hash, entry_hash from timeline_entry "
                + "where request_reference = ? order by sequence_no", reference);
    }

    @Test
    void entriesAreNumberedInOrderAndEachLinksToThePreviousOne() {
        recordThree(REFERENCE);

        List<TimelineEntryView> entries = timeline.entries(REFERENCE);
        assertThat(entries).extracting(TimelineEntryView::sequence).containsExactly(1, 2, 3);
        assertThat(entries).extracting(TimelineEntryView::kind)
                .containsExactly(TimelineKind.SUBMITTED, TimelineKind.ACKNOWLEDGED, TimelineKind.VERIFIED);
        assertThat(entries).extracting(TimelineEntryView::actor).containsExactly(Actors.SUBJECT, Actors.SYSTEM, "dpo");
        assertThat(entries).extracting(TimelineEntryView::hash).allMatch(hash -> hash.matches("[0-9a-f]{64}"))
                .doesNotHaveDuplicates();

        List<Map<String, Object>> rows = rows(REFERENCE);
        assertThat(rows.get(0).get("previous_hash")).as("the first entry starts the chain").isNull();
        assertThat(rows.get(1).get("previous_hash")).isEqualTo(rows.get(0).get("entry_hash"));
        assertThat(rows.get(2).get("previous_hash")).isEqualTo(rows.get(1).get("entry_hash"));
        assertThat(timeline.isIntact(REFERENCE)).isTrue();
    }

    @Test
    void entriesCarryTheClocksTimeToTheMicrosecondTheDatabaseKeeps() {
        TimelineEntryView recorded = timeline.record(REFERENCE, Actors.SYSTEM, TimelineKind.SUBMITTED, "Received.");
        entityManager.flush();
        entityManager.clear();

        assertThat(recorded.occurredAt()).isEqualTo(Instant.parse("2027-01-31T10:15:30.123456Z"));
        assertThat(timeline.entries(REFERENCE)).singleElement()
                .satisfies(entry -> assertThat(entry.occurredAt()).isEqualTo(recorded.occurredAt()));
        assertThat(timeline.isIntact(REFERENCE)).as("the stored row re-hashes to the same value").isTrue();
    }

    @Test
    void eachRequestHasItsOwnChain() {
        recordThree(REFERENCE);
        timeline.record("DSR-2027-000043", Actors.SUBJECT, TimelineKind.SUBMITTED, "Deletion request under CCPA/CPRA.");
        entityManager.flush();
        entityManager.clear();

        assertThat(timeline.entries("DSR-2027-000043")).extracting(TimelineEntryView::sequence).containsExactly(1);
        assertThat(rows("DSR-2027-000043").get(0).get("previous_hash")).isNull();
        assertThat(timeline.entries(REFERENCE)).hasSize(3);
        assertThat(timeline.isIntact("DSR-2027-000043")).isTrue();
    }

    @Test
    void anOverlongDescriptionIsShortenedVisiblyAndStillVerifies() {
        timeline.record(REFERENCE, Actors.SYSTEM, TimelineKind.SUBMITTED, "x".repeat(2500));
        entityManager.flush();
        entityManager.clear();

        String stored = timeline.entries(REFERENCE).get(0).description();
        assertThat(stored).hasSize(2000).endsWith("…");
        assertThat(timeline.isIntact(REFERENCE)).isTrue();
    }

    @Test
    void aDescriptionChangedInTheDatabaseBreaksTheChain() {
        recordThree(REFERENCE);

        int changed = jdbc.update("update timeline_entry set description = ? where request_reference = ? "
                + "and sequence_no = 2", "Nothing was sent.", REFERENCE);

        assertThat(changed).isEqualTo(1);
        assertThat(timeline.isIntact(REFERENCE)).isFalse();
    }

    @Test
    void anActorChangedInTheDatabaseBreaksTheChain() {
        recordThree(REFERENCE);

        jdbc.update("update timeline_entry set actor = 'admin' where request_reference = ? and sequence_no = 3",
                REFERENCE);

        assertThat(timeline.isIntact(REFERENCE)).isFalse();
    }

    @Test
    void aDeletedEntryBreaksTheChain() {
        recordThree(REFERENCE);

        jdbc.update("delete from timeline_entry where request_reference = ? and sequence_no = 2", REFERENCE);

        assertThat(timeline.isIntact(REFERENCE)).isFalse();
    }

    @Test
    void theDeletedLatestEntryIsDetectedToo() {
        recordThree(REFERENCE);

        jdbc.update("delete from timeline_entry where request_reference = ? and sequence_no = 3", REFERENCE);

        assertThat(timeline.isIntact(REFERENCE)).isFalse();
    }

    @Test
    void aWholeTimelineDeletedIsDetected() {
        recordThree(REFERENCE);

        jdbc.update("delete from timeline_entry where request_reference = ?", REFERENCE);

        assertThat(timeline.isIntact(REFERENCE)).isFalse();
    }

    @Test
    void aRequestWithoutEntriesHasNothingToDoubt() {
        assertThat(timeline.entries("DSR-2027-999999")).isEmpty();
        assertThat(timeline.isIntact("DSR-2027-999999")).isTrue();
    }

    @Test
    void appendingAfterTamperingDoesNotRepairTheChain() {
        recordThree(REFERENCE);
        jdbc.update("update timeline_entry set description = 'edited' where request_reference = ? and sequence_no = 1",
                REFERENCE);

        timeline.record(REFERENCE, Actors.SYSTEM, TimelineKind.CLOSED, "Closed.");
        entityManager.flush();
        entityManager.clear();

        assertThat(timeline.entries(REFERENCE)).extracting(TimelineEntryView::sequence).containsExactly(1, 2, 3, 4);
        assertThat(timeline.isIntact(REFERENCE)).isFalse();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void recordingOutsideATransactionIsRefusedSoNoEntryExistsWithoutItsStep() {
        assertThatThrownBy(() -> timeline.record("DSR-2027-000077", Actors.SYSTEM, TimelineKind.SUBMITTED, "Orphan."))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("mandatory");

        assertThat(timeline.entries("DSR-2027-000077")).isEmpty();
    }
}
