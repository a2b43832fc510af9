package org.rightsflow.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A verification link. Only the SHA-256 of its token is stored; the token itself lives only in the email. */
@Entity
@Table(name = "verification_token")
class VerificationToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String requestReference;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected VerificationToken() {
    }

    VerificationToken(String requestReference, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.requestReference = requestReference;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    LinkCheck check(Instant now) {
        if (usedAt != null) {
            return new LinkCheck(LinkCheck.State.USED, requestReference);
        }
        if (!now.isBefore(expiresAt)) {
            return new LinkCheck(LinkCheck.State.EXPIRED, requestReference);
        }
        return new LinkCheck(LinkCheck.State.VALID, requestReference);
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    /** Closing a request withdraws its open links. */
    void revoke(Instant now) {
        if (usedAt == null && now.isBefore(expiresAt)) {
            this.expiresAt = now;
        }
    }
}
