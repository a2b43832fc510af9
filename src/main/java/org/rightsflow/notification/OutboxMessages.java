package org.rightsflow.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboxMessages extends JpaRepository<OutboxMessage, Long> {

    @Query("select m.id from OutboxMessage m where m.status = 'PENDING' and m.nextAttemptAt <= ?1 order by m.id")
    List<Long> findDueIds(Instant now, Pageable page);

    /** In id order: two dispatchers writing overlapping batches lock their rows in the same order. */
    @Query("select m from OutboxMessage m where m.id in ?1 order by m.id")
    List<OutboxMessage> findAllInIdOrder(Collection<Long> ids);

    List<OutboxMessage> findByStatus(MessageStatus status);

    List<OutboxMessage> findByReferenceOrderByIdAsc(String reference);

    long countByStatus(MessageStatus status);

    @Query("select min(m.createdAt) from OutboxMessage m where m.status in ('PENDING', 'SENDING')")
    Instant oldestUndelivered();
}
