package org.rightsflow.verification;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface VerificationTokens extends JpaRepository<VerificationToken, Long> {

    /** JPQL rather than derived: Hibernate caches a query string's translation, not a criteria tree's. */
    @Query("select t from VerificationToken t where t.tokenHash = ?1")
    Optional<VerificationToken> findByTokenHash(String tokenHash);

    /** Locks the row so that two clicks on the same link cannot both confirm it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from VerificationToken t where t.tokenHash = ?1")
    Optional<VerificationToken> lockByTokenHash(String tokenHash);

    List<VerificationToken> findByRequestReference(String requestReference);
}
