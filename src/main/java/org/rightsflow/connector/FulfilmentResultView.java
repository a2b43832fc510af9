package org.rightsflow.connector;

import java.time.Instant;

/** The recorded result of one system for one request. */
public record FulfilmentResultView(long systemId, String systemName, SystemOutcome outcome, String summary,
                                   String completedBy, Instant completedAt) {
}
