package org.rightsflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The tip of one request's chain. Appending locks this row, so entries written concurrently for the same
 * request (parallel tasks completing at once) are chained one after the other instead of colliding.
 */
@Entity
@Table(name = "timeline_head")
class TimelineHead {

    @Id
    @Column(name = "request_reference")
    private String requestReference;

    @Column(name = "last_sequence", nullable = false)
    private int lastSequence;

    @Column(name = "last_hash")
    private String lastHash;

    protected TimelineHead() {
    }

    TimelineHead(String requestReference) {
        this.requestReference = requestReference;
    }

    int lastSequence() {
        return lastSequence;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(TimelineEntry entry) {
        this.lastSequence = entry.sequence();
        this.lastHash = entry.entryHash();
    }
}
