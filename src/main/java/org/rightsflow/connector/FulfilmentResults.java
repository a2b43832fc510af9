package org.rightsflow.connector;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FulfilmentResults extends JpaRepository<FulfilmentResult, Long> {

    List<FulfilmentResult> findByRequestReferenceOrderByCompletedAtAsc(String requestReference);
}
