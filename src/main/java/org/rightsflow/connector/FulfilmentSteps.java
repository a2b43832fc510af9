package org.rightsflow.connector;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FulfilmentSteps extends JpaRepository<FulfilmentStep, Long> {

    List<FulfilmentStep> findByReferenceOrderByIdAsc(String reference);

    List<FulfilmentStep> findByReferenceAndSystemIdOrderByIdAsc(String reference, Long systemId);
}
