package org.rightsflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rightsflow.support.Digests;
import java.time.Instant;

/** A row of the timeline. Immutable once written: there are no setters and no update path. */
@Entity
@Table(name = "timeline_entry")
class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String requestReference;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private int sequence;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TimelineKind kind;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(name = "previous_hash", updatable = false)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, updatable = false)
    private String entryHash;

    protected TimelineEntry() {
    }

    TimelineEntry(String requestReference, int sequence, Instant occurredAt, String actor, TimelineKind kind,
                  String description, String previousHash) {
        this.requestReference = requestReference;
        this.sequence = sequence;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.description = description;
        this.previousHash = previousHash;
        this.entryHash = computeHash();
    }

    /**
     * SHA-256 over the previous entry's hash and this entry's fields: changing or removing any earlier entry
     * breaks every hash after it.
     */
    String computeHash() {
        String canonical = String.join("\u001f", String.valueOf(previousHash), requestReference,
                Integer.toString(sequence), occurredAt.toString(), actor, kind.name(), description);
        return Digests.sha256Hex(canonical);
    }

    TimelineEntryView toView() {
        return new TimelineEntryView(sequence, occurredAt, actor, kind, description, entryHash);
    }

    int sequence() {
        return sequence;
    }

    String previousHash() {
        return previousHash;
    }

    String entryHash() {
        return entryHash;
    }
}
