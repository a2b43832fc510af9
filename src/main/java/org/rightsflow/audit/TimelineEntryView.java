package org.rightsflow.audit;

import java.time.Instant;

/** One entry of a request's timeline, as shown to staff and (filtered) to the subject. */
public record TimelineEntryView(int sequence, Instant occurredAt, String actor, TimelineKind kind, String description,
                                String hash) {
}
