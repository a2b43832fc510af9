package org.rightsflow.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The access package of one request. The zip itself is a sealed file; this row says where and until when. */
@Entity
@Table(name = "access_package")
class AccessPackage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String requestReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PackageStatus status;

    @Column(name = "storage_id")
    private String storageId;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(name = "file_count", nullable = false, updatable = false)
    private int fileCount;

    /** The staff member who reviewed it before release; null when released without review. */
    @Column(name = "reviewed_by", updatable = false)
    private String reviewedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    protected AccessPackage() {
    }

    AccessPackage(String requestReference, String storageId, long sizeBytes, String sha256, int fileCount,
                  String reviewedBy, Instant createdAt, Instant expiresAt) {
        this.requestReference = requestReference;
        this.status = PackageStatus.READY;
        this.storageId = storageId;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.fileCount = fileCount;
        this.reviewedBy = reviewedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void deleted(Instant at) {
        this.status = PackageStatus.DELETED;
        this.storageId = null;
        this.deletedAt = at;
    }

    Long id() {
        return id;
    }

    String requestReference() {
        return requestReference;
    }

    PackageStatus status() {
        return status;
    }

    String storageId() {
        return storageId;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** Downloadable: sealed in storage and not yet at its expiry. */
    boolean availableAt(Instant now) {
        return status == PackageStatus.READY && now.isBefore(expiresAt);
    }

    PackageView toView() {
        return new PackageView(requestReference, status, sizeBytes, fileCount, sha256, reviewedBy, createdAt,
                expiresAt, deletedAt);
    }
}
