package org.rightsflow.audit;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TimelineHeads extends JpaRepository<TimelineHead, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from TimelineHead h where h.requestReference = ?1")
    Optional<TimelineHead> lockByRequestReference(String requestReference);
}
