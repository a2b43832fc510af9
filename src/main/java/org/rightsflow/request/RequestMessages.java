package org.rightsflow.request;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequestMessages extends JpaRepository<RequestMessage, Long> {

    List<RequestMessage> findByReferenceOrderByIdAsc(String reference);
}
