package org.rightsflow.connector;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "fulfilment_result")
class FulfilmentResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String requestReference;

    @Column(name = "system_id", nullable = false, updatable = false)
    private Long systemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SystemOutcome outcome;

    @Column(updatable = false)
    private String summary;

    @Column(name = "completed_by", nullable = false, updatable = false)
    private String completedBy;

    @Column(name = "completed_at", nullable = false, updatable = false)
    private Instant completedAt;

    protected FulfilmentResult() {
    }

    FulfilmentResult(String requestReference, Long systemId, SystemOutcome outcome, String summary, String completedBy,
                     Instant completedAt) {
        this.requestReference = requestReference;
        this.systemId = systemId;
        this.outcome = outcome;
        this.summary = summary;
        this.completedBy = completedBy;
        this.completedAt = completedAt;
    }

    Long systemId() {
        return systemId;
    }

    FulfilmentResultView toView(String systemName) {
        return new FulfilmentResultView(systemId, systemName, outcome, summary, completedBy, completedAt);
    }
}
