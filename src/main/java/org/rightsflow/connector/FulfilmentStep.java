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

/**
 * One attempt of one step in one system: written when it starts (in a transaction of its own, so a crash leaves it
 * as evidence), finished once with its outcome. A later attempt is a new row.
 */
@Entity
@Table(name = "fulfilment_step")
class FulfilmentStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String reference;

    @Column(name = "system_id", nullable = false, updatable = false)
    private Long systemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ConnectorAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StepStatus status;

    @Column
    private String summary;

    @Column(name = "tables_json")
    private String tablesJson;

    @Column(name = "remaining_json")
    private String remainingJson;

    @Column
    private String error;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    protected FulfilmentStep() {
    }

    FulfilmentStep(String reference, Long systemId, ConnectorAction action, StepStatus status, String summary,
                   String tablesJson, String remainingJson, String error, String actor, Instant startedAt,
                   Instant finishedAt) {
        this.reference = reference;
        this.systemId = systemId;
        this.action = action;
        this.status = status;
        this.summary = clip(summary, 2000);
        this.tablesJson = tablesJson;
        this.remainingJson = remainingJson;
        this.error = clip(error, 2000);
        this.actor = clip(actor, 100);
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.durationMs = Math.max(0, finishedAt.toEpochMilli() - startedAt.toEpochMilli());
    }

    /** Records how a STARTED attempt ended. */
    void finish(StepStatus outcome, String summary, String tablesJson, String remainingJson, String error,
                Instant finishedAt) {
        if (status != StepStatus.STARTED) {
            throw new IllegalStateException("Step " + id + " is already " + status);
        }
        this.status = outcome;
        this.summary = clip(summary, 2000);
        this.tablesJson = tablesJson;
        this.remainingJson = remainingJson;
        this.error = clip(error, 2000);
        this.finishedAt = finishedAt;
        this.durationMs = Math.max(0, finishedAt.toEpochMilli() - startedAt.toEpochMilli());
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    Long id() {
        return id;
    }

    String reference() {
        return reference;
    }

    Long systemId() {
        return systemId;
    }

    ConnectorAction action() {
        return action;
    }

    StepStatus status() {
        return status;
    }

    String summary() {
        return summary;
    }

    String tablesJson() {
        return tablesJson;
    }

    String remainingJson() {
        return remainingJson;
    }

    String error() {
        return error;
    }

    String actor() {
        return actor;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    long durationMs() {
        return durationMs;
    }
}
