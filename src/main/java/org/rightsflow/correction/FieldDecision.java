package org.rightsflow.correction;

import java.time.Instant;

/**
 * What the privacy officer decided about one field of a correction claim.
 *
 * @param note for a refusal, the reason the subject is told; for an acceptance, how the claim was checked
 */
public record FieldDecision(boolean accepted, String note, String decidedBy, Instant decidedAt) {
}
