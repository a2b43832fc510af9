package org.rightsflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the access log. Written once, never changed: no setters. */
@Entity
@Table(name = "access_log")
class AccessLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AccessKind kind;

    @Column(updatable = false)
    private String reference;

    @Column(updatable = false)
    private String detail;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    protected AccessLogEntry() {
    }

    AccessLogEntry(Instant occurredAt, String actor, AccessKind kind, String reference, String detail,
                   String clientAddress) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.reference = reference;
        this.detail = detail;
        this.clientAddress = clientAddress;
    }

    AccessRecord toRecord() {
        return new AccessRecord(id, occurredAt, actor, kind, reference, detail, clientAddress);
    }
}
