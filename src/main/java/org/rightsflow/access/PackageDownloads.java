package org.rightsflow.access;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface PackageDownloads extends JpaRepository<PackageDownload, Long> {

    /** The codes of a package, newest first; the newest is the one the subject is asked to enter. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<PackageDownload> findByPackageIdOrderByIdDesc(long packageId);

    long countByPackageIdAndCreatedAtAfter(long packageId, Instant since);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<PackageDownload> findByTicketHash(String ticketHash);
}
