package org.rightsflow.connector;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ConnectorCallbacks extends JpaRepository<ConnectorCallback, Long> {

    Optional<ConnectorCallback> findByTokenHash(String tokenHash);

    /** Locks the row: two deliveries of the same answer must not both be accepted. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ConnectorCallback c where c.tokenHash = ?1")
    Optional<ConnectorCallback> lockByTokenHash(String tokenHash);
}
