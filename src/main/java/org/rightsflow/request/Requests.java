package org.rightsflow.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Requests extends JpaRepository<DataSubjectRequest, Long> {

    Optional<DataSubjectRequest> findByReference(String reference);

    Optional<DataSubjectRequest> findByStatusTokenHash(String statusTokenHash);

    List<DataSubjectRequest> findAllByOrderByReceivedAtDesc(Pageable page);

    List<DataSubjectRequest> findByReceivedAtGreaterThanEqualAndReceivedAtLessThan(java.time.Instant from,
                                                                                  java.time.Instant to);
}
