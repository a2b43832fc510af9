package org.rightsflow.access;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PackageExclusions extends JpaRepository<PackageExclusion, Long> {

    List<PackageExclusion> findByRequestReferenceOrderByIdAsc(String requestReference);
}
