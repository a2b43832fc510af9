package org.rightsflow.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.notification.OutboxMessageView;
import org.rightsflow.request.RequestDetails;

/** {@code GET /api/v1/requests/{reference}}: status, dates, timeline and the messages written for the request. */
record RequestResource(String reference, String type, String regime, String status, String outcome, String channel,
                       Instant receivedAt, Instant clockStartedAt, LocalDate due, LocalDate extendedDue,
                       LocalDate acknowledgeBy, boolean statutoryRight, String language, List<Entry> timeline,
                       List<Message> messages) {

    static RequestResource of(RequestDetails request, List<TimelineEntryView> timeline, List<OutboxMessageView> messages) {
        return new RequestResource(request.reference(), request.type().name(), request.regime().name(),
                request.status().name(), request.outcome() == null ? null : request.outcome().name(),
                request.channel().name(), request.receivedAt(), request.clockStartedAt(), request.due(),
                request.extendedDue(), request.acknowledgeBy(), request.statutoryRight(),
                request.language().toLanguageTag(), timeline.stream().map(e -> new Entry(e.sequence(), e.occurredAt(), e.actor(), e.kind().name(),
                        e.description())).toList(),
                messages.stream().map(m -> new Message(m.id(), m.kind().name(), m.recipient(), m.subject(), m.body(),
                        m.status().name(), m.createdAt(), m.sentAt())).toList());
    }

    record Entry(int sequence, Instant at, String actor, String kind, String description) {
    }

    record Message(long id, String kind, String recipient, String subject, String body, String status,
                   Instant createdAt, Instant sentAt) {
    }
}
