package org.rightsflow.retention;

import java.time.Instant;
import java.util.Map;

/** One purge: when it ran, how many requests it removed, and how many records of each kind went with them. */
public record PurgeReport(Instant ranAt, int requests, Map<String, Integer> removed) {

    public PurgeReport {
        removed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(removed));
    }
}
