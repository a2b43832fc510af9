package org.rightsflow.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something staff left out of a package, with the reason: all a system returned (no table, no column, no file),
 * one table, one column of a table, or one attached file.
 */
@Entity
@Table(name = "package_exclusion")
class PackageExclusion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String requestReference;

    @Column(name = "system_id", nullable = false, updatable = false)
    private long systemId;

    @Column(name = "table_name", updatable = false)
    private String tableName;

    @Column(name = "column_name", updatable = false)
    private String columnName;

    @Column(name = "access_file_id", updatable = false)
    private Long accessFileId;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "excluded_by", nullable = false, updatable = false)
    private String excludedBy;

    @Column(name = "excluded_at", nullable = false, updatable = false)
    private Instant excludedAt;

    protected PackageExclusion() {
    }

    PackageExclusion(String requestReference, Exclusion exclusion, String excludedBy, Instant excludedAt) {
        this.requestReference = requestReference;
        this.systemId = exclusion.systemId();
        this.tableName = exclusion.table();
        this.columnName = exclusion.column();
        this.accessFileId = exclusion.accessFileId();
        this.reason = exclusion.reason();
        this.excludedBy = excludedBy;
        this.excludedAt = excludedAt;
    }

    Long id() {
        return id;
    }

    Exclusion toExclusion() {
        return new Exclusion(id, systemId, tableName, columnName, accessFileId, reason, excludedBy, excludedAt);
    }
}
