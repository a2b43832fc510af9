package org.rightsflow.correction;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrectionDecisions extends JpaRepository<CorrectionDecision, Long> {

    List<CorrectionDecision> findByRequestReferenceOrderByIdAsc(String requestReference);

    boolean existsByRequestReference(String requestReference);
}
