package org.rightsflow.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads the timeline of a request. Entries are written in the caller's transaction, so an entry
 * exists exactly when the step it describes was committed.
 */
@Service
public class Timeline {

    private static final int MAX_DESCRIPTION = 2000;

    private final TimelineEntries entries;
    private final TimelineHeads heads;
    private final Clock clock;

    Timeline(TimelineEntries entries, TimelineHeads heads, Clock clock) {
        this.entries = entries;
        this.heads = heads;
        this.clock = clock;
    }

    /** Appends an entry. Descriptions must not carry personal data beyond what the request itself holds. */
    @Transactional(propagation = Propagation.MANDATORY)
    public TimelineEntryView record(String reference, String actor, TimelineKind kind, String description) {
        Objects.requireNonNull(reference, "reference");
        TimelineHead head = heads.lockByRequestReference(reference).orElseGet(() -> startChain(reference));
        // Databases keep microseconds: truncate before hashing so the stored row re-hashes to the same value.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TimelineEntry entry = new TimelineEntry(reference, head.lastSequence() + 1, now, truncate(actor, 100), kind,
                truncate(description, MAX_DESCRIPTION), head.lastHash());
        entries.save(entry);
        head.advance(entry);
        return entry.toView();
    }

    @Transactional(readOnly = true)
    public List<TimelineEntryView> entries(String reference) {
        return entries.findByRequestReferenceOrderBySequenceAsc(reference).stream().map(TimelineEntry::toView).toList();
    }

    /**
     * True when every entry still hashes to what was written and links to its predecessor, and the chain ends where
     * its head says it does (so removing the latest entries, or all of them, is detected too).
     */
    @Transactional(readOnly = true)
    public boolean isIntact(String reference) {
        String previous = null;
        int expectedSequence = 1;
        for (TimelineEntry entry : entries.findByRequestReferenceOrderBySequenceAsc(reference)) {
            if (entry.sequence() != expectedSequence++ || !Objects.equals(entry.previousHash(), previous)
                    || !entry.computeHash().equals(entry.entryHash())) {
                return false;
            }
            previous = entry.entryHash();
        }
        int lastSequence = expectedSequence - 1;
        String lastHash = previous;
        return heads.findById(reference)
                .map(head -> head.lastSequence() == lastSequence && Objects.equals(head.lastHash(), lastHash))
                .orElse(lastSequence == 0);
    }

    /** A chain starts with the submission, which one transaction writes alone. */
    private TimelineHead startChain(String reference) {
        return heads.save(new TimelineHead(reference));
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
