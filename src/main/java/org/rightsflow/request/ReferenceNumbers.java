package org.rightsflow.request;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * Public references such as {@code DSR-2026-000042}: the year the request was received and a number from a
 * database sequence, so two application nodes never hand out the same one. The number is not secret; the
 * status link carries a separate unguessable token.
 */
@Component
class ReferenceNumbers {

    private static final String SEQUENCE = "dsr_reference_seq";

    private final EntityManager entityManager;

    ReferenceNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    String next(LocalDate receivedOn) {
        String nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(SEQUENCE);
        Number value = (Number) entityManager.createNativeQuery(nextValueSql).getSingleResult();
        return "DSR-%d-%06d".formatted(receivedOn.getYear(), value.longValue());
    }
}
