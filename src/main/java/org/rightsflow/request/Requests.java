package org.rightsflow.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The hot lookups are written as JPQL: Hibernate 6.6 caches the translation of a query string, while a derived
 * query is a new criteria tree on every call and is translated again each time (a sixth of a node's CPU under load
 * was {@code findByReference}, half of it the translation; docs/performance.md).
 */
interface Requests extends JpaRepository<DataSubjectRequest, Long> {

    @Query("select r from DataSubjectRequest r where r.reference = :reference")
    Optional<DataSubjectRequest> findByReference(@Param("reference") String reference);

    /**
     * The open requests of this type from the address with this keyed hash ({@link PersonalFields#emailHash}, the
     * same for any case) that are not themselves duplicates, oldest first.
     */
    @Query("""
            select r from DataSubjectRequest r
            where r.subjectEmailHash = :emailHash and r.type = :type and r.status <> :closed
              and r.duplicateOf is null
            order by r.id""")
    List<DataSubjectRequest> findOpenOriginals(
            @Param("emailHash") String emailHash,
            @Param("type") org.rightsflow.deadline.RequestType type,
            @Param("closed") RequestStatus closed);

    @Query("select r from DataSubjectRequest r where r.duplicateOf = :reference")
    List<DataSubjectRequest> findByDuplicateOf(@Param("reference") String reference);

    @Query("select r from DataSubjectRequest r where r.statusTokenHash = :hash")
    Optional<DataSubjectRequest> findByStatusTokenHash(@Param("hash") String statusTokenHash);

    /** A page of the requests, in the page's order (index dsr_request_received, V20), without counting them. */
    @Query("select r from DataSubjectRequest r")
    List<DataSubjectRequest> listPage(Pageable page);

    /** A page of the requests of these types, in the page's order (index dsr_request_type_received, V20). */
    @Query("select r from DataSubjectRequest r where r.type in :types")
    List<DataSubjectRequest> listPageOfTypes(
            @Param("types") java.util.Collection<org.rightsflow.deadline.RequestType> types, Pageable page);

    @Query("select count(r) from DataSubjectRequest r where r.type in :types")
    long countOfTypes(@Param("types") java.util.Collection<org.rightsflow.deadline.RequestType> types);

    List<DataSubjectRequest> findByReceivedAtGreaterThanEqualAndReceivedAtLessThan(java.time.Instant from,
                                                                                  java.time.Instant to);

    /** Rows of status, regime and count: one grouped scan, for metrics. */
    @Query(
            "select r.status, r.regime, count(r) from DataSubjectRequest r group by r.status, r.regime")
    List<Object[]> countByStatusAndRegime();

    /** Requests in one of these statuses whose due date (an extension's once extended) lies in [from, to). */
    long countByStatusInAndDueGreaterThanEqualAndDueLessThan(
            java.util.Collection<RequestStatus> statuses, java.time.LocalDate from, java.time.LocalDate to);

    long countByStatusInAndDueLessThan(java.util.Collection<RequestStatus> statuses, java.time.LocalDate before);
}
