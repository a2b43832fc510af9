package org.rightsflow.request;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequestAppeals extends JpaRepository<RequestAppeal, Long> {

    Optional<RequestAppeal> findByReference(String reference);
}
