package org.rightsflow.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Requests extends JpaRepository<DataSubjectRequest, Long> {

    Optional<DataSubjectRequest> findByReference(String reference);

    /**
     * The open requests of this type from the address with this keyed hash ({@link PersonalFields#emailHash}, the
     * same for any case) that are not themselves duplicates, oldest first.
     */
    @org.springframework.data.jpa.repository.Query("""
            select r from DataSubjectRequest r
            where r.subjectEmailHash = :emailHash and r.type = :type and r.status <> :closed
              and r.duplicateOf is null
            order by r.id""")
    List<DataSubjectRequest> findOpenOriginals(
            @org.springframework.data.repository.query.Param("emailHash") String emailHash,
            @org.springframework.data.repository.query.Param("type") org.rightsflow.deadline.RequestType type,
            @org.springframework.data.repository.query.Param("closed") RequestStatus closed);

    List<DataSubjectRequest> findByDuplicateOf(String reference);

    Optional<DataSubjectRequest> findByStatusTokenHash(String statusTokenHash);

    List<DataSubjectRequest> findAllByOrderByReceivedAtDesc(Pageable page);

    List<DataSubjectRequest> findByReceivedAtGreaterThanEqualAndReceivedAtLessThan(java.time.Instant from,
                                                                                  java.time.Instant to);
}
