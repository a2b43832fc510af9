package org.rightsflow.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One emailed one-time code for a package, and the single-use download link it opens once redeemed. Only hashes of
 * the code and the link are stored.
 */
@Entity
@Table(name = "package_download")
class PackageDownload {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "package_id", nullable = false, updatable = false)
    private long packageId;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private String codeHash;

    @Column(name = "code_expires_at", nullable = false, updatable = false)
    private Instant codeExpiresAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Column(name = "ticket_hash")
    private String ticketHash;

    @Column(name = "ticket_expires_at")
    private Instant ticketExpiresAt;

    @Column(name = "downloaded_at")
    private Instant downloadedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PackageDownload() {
    }

    PackageDownload(long packageId, String codeHash, Instant codeExpiresAt, Instant createdAt) {
        this.packageId = packageId;
        this.codeHash = codeHash;
        this.codeExpiresAt = codeExpiresAt;
        this.createdAt = createdAt;
    }

    long packageId() {
        return packageId;
    }

    String codeHash() {
        return codeHash;
    }

    Instant codeExpiresAt() {
        return codeExpiresAt;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    Instant redeemedAt() {
        return redeemedAt;
    }

    Instant ticketExpiresAt() {
        return ticketExpiresAt;
    }

    Instant downloadedAt() {
        return downloadedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    void failedAttempt() {
        failedAttempts++;
    }

    void redeemed(String ticketHash, Instant at, Instant ticketExpiresAt) {
        this.redeemedAt = at;
        this.ticketHash = ticketHash;
        this.ticketExpiresAt = ticketExpiresAt;
    }

    void downloaded(Instant at) {
        this.downloadedAt = at;
    }
}
