package org.rightsflow.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The one appeal a request may have. */
@Entity
@Table(name = "request_appeal")
class RequestAppeal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String reference;

    /** What the subject wrote, sealed (see {@link PersonalFields}). */
    @Column(name = "statement_sealed", nullable = false, updatable = false)
    private String statementSealed;

    @Column(name = "appealed_at", nullable = false, updatable = false)
    private Instant appealedAt;

    @Column(name = "due_on", nullable = false, updatable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column
    private AppealOutcome outcome;

    @Column
    private String explanation;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "follow_up_reference")
    private String followUpReference;

    protected RequestAppeal() {
    }

    RequestAppeal(String reference, String statement, Instant appealedAt, LocalDate dueOn, PersonalFields fields) {
        this.reference = reference;
        this.statementSealed = fields.seal(statement, PersonalFields.APPEAL_STATEMENT);
        this.appealedAt = appealedAt;
        this.dueOn = dueOn;
    }

    void decide(AppealOutcome outcome, String explanation, String decidedBy, Instant at, String followUpReference) {
        if (this.outcome != null) {
            throw new IllegalStateException("The appeal on " + reference + " is already decided");
        }
        this.outcome = outcome;
        this.explanation = explanation;
        this.decidedBy = decidedBy;
        this.decidedAt = at;
        this.followUpReference = followUpReference;
    }

    boolean decided() {
        return outcome != null;
    }

    AppealView toView(PersonalFields fields) {
        return new AppealView(reference, fields.open(statementSealed, PersonalFields.APPEAL_STATEMENT), appealedAt, dueOn, outcome, explanation, decidedBy, decidedAt,
                followUpReference);
    }
}
