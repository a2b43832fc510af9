package org.rightsflow.connector;

import java.time.Instant;

/**
 * A file of personal data held for a request (what an access step found, or what an owner uploaded); metadata only.
 *
 * @param uploaded true for a file staff attached; false for the records a connector returned, a JSON document
 *                 {@code {"table": [{"column": value, ...}, ...], ...}}
 */
public record AccessFile(long id, String reference, long stepId, long systemId, String fileName, String mediaType,
                         long sizeBytes, Instant createdAt, boolean uploaded) {
}
