package org.rightsflow.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessPackages extends JpaRepository<AccessPackage, Long> {

    Optional<AccessPackage> findByRequestReference(String requestReference);

    List<AccessPackage> findByStatusAndExpiresAtLessThanEqual(PackageStatus status, Instant now);
}
