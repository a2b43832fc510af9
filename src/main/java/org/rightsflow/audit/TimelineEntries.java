package org.rightsflow.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineEntries extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByRequestReferenceOrderBySequenceAsc(String requestReference);
}
