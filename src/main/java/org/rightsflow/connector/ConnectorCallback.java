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

/** A one-time token for an answer that comes later. Only the token's SHA-256 is stored. */
@Entity
@Table(name = "connector_callback")
class ConnectorCallback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String reference;

    @Column(name = "system_id", nullable = false, updatable = false)
    private Long systemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ConnectorAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CallbackPurpose purpose;

    @Column(name = "process_instance_id", nullable = false, updatable = false)
    private String processInstanceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column
    private String note;

    protected ConnectorCallback() {
    }

    ConnectorCallback(String tokenHash, String reference, Long systemId, ConnectorAction action, CallbackPurpose purpose,
                      String processInstanceId, Instant createdAt) {
        this.tokenHash = tokenHash;
        this.reference = reference;
        this.systemId = systemId;
        this.action = action;
        this.purpose = purpose;
        this.processInstanceId = processInstanceId;
        this.createdAt = createdAt;
    }

    boolean received() {
        return receivedAt != null;
    }

    void receive(Instant at, String note) {
        this.receivedAt = at;
        this.note = note == null ? null : note.substring(0, Math.min(note.length(), 4000));
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

    CallbackPurpose purpose() {
        return purpose;
    }

    String processInstanceId() {
        return processInstanceId;
    }
}
