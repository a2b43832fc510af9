package org.rightsflow.correction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The decision on one field of a correction claim. The value itself stays in the sealed request. */
@Entity
@Table(name = "correction_decision")
class CorrectionDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String requestReference;

    @Column(nullable = false, updatable = false)
    private String field;

    @Column(nullable = false, updatable = false)
    private boolean accepted;

    /** For a refusal, the reason the subject is given; for an acceptance, how the claim was checked. */
    @Column(nullable = false, updatable = false)
    private String note;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected CorrectionDecision() {
    }

    CorrectionDecision(String requestReference, String field, boolean accepted, String note, String decidedBy,
                       Instant decidedAt) {
        this.requestReference = requestReference;
        this.field = field;
        this.accepted = accepted;
        this.note = note;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    String field() {
        return field;
    }

    FieldDecision toView() {
        return new FieldDecision(accepted, note, decidedBy, decidedAt);
    }
}
