package org.rightsflow.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessLogEntries extends JpaRepository<AccessLogEntry, Long> {

    Page<AccessLogEntry> findByReferenceOrderByOccurredAtDescIdDesc(String reference, Pageable page);

    Page<AccessLogEntry> findByActorOrderByOccurredAtDescIdDesc(String actor, Pageable page);

    boolean existsByActorAndKindAndDetail(String actor, AccessKind kind, String detail);
}
