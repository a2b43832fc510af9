package org.rightsflow.workflow;

import java.time.Instant;

/**
 * A step that needs a person: a job that failed after its last retry, or a system that never called back.
 *
 * @param retryable true when "retry" runs the failed step again; false when it only clears the incident (the step
 *                  keeps waiting for its answer)
 */
public record IncidentView(String id, String type, String reference, String activity, String message, Instant created,
                           boolean retryable) {
}
