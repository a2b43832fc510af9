package org.rightsflow.request;

import java.time.Clock;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicates: a request linked to an earlier open one of the same type from the same person is answered with it and
 * closes when it closes; staff can unlink it, and it then runs on its own from its own receipt date.
 */
@Service
@Transactional
public class Duplicates {

    private final Requests requests;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Duplicates(Requests requests, Timeline timeline, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /** The earlier open request this one is linked to, if it is a duplicate. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> originalOf(String reference) {
        return requests.findByReference(reference).flatMap(DataSubjectRequest::duplicateOf);
    }

    /** The requests linked to this one as duplicates. */
    @Transactional(readOnly = true)
    public java.util.List<String> duplicatesOf(String reference) {
        return requests.findByDuplicateOf(reference).stream().map(DataSubjectRequest::reference).toList();
    }

    /** Staff unlink a duplicate: it starts its own process now, on its own statutory clock. */
    public void unlink(String reference, String actor) {
        DataSubjectRequest request = requests.findByReference(reference)
                .orElseThrow(() -> new UnknownRequestException(reference));
        String original = request.duplicateOf().orElseThrow(() -> new IllegalStateException(
                "Request " + reference + " is not linked to another."));
        request.unlink();
        timeline.record(reference, actor, TimelineKind.DUPLICATE_UNLINKED, "Unlinked from " + original
                + ": handled as a request of its own from now on.");
        events.publishEvent(new RequestSubmitted(reference));
    }

    /** The original closed: its duplicates close with it, answered by its answer. */
    @EventListener
    void on(RequestClosed closed) {
        for (DataSubjectRequest duplicate : requests.findByDuplicateOf(closed.reference())) {
            if (duplicate.status() == RequestStatus.CLOSED) {
                continue;
            }
            duplicate.close(RequestOutcome.ANSWERED_WITH_ORIGINAL, clock.instant());
            timeline.record(duplicate.reference(), Actors.SYSTEM, TimelineKind.CLOSED, "Answered with "
                    + closed.reference() + ", the earlier request of the same kind it was linked to ("
                    + closed.outcome().name().toLowerCase().replace('_', ' ') + ").");
            events.publishEvent(new RequestClosed(duplicate.reference(), RequestOutcome.ANSWERED_WITH_ORIGINAL));
        }
    }
}
