package org.rightsflow.correction;

import org.rightsflow.request.RequestedCorrections;

/**
 * One field of a correction claim: what the subject says it should be, and the decision once taken.
 *
 * @param decision null while the claim awaits review
 */
public record ClaimedCorrection(String field, String requestedValue, FieldDecision decision) {

    public String label() {
        return RequestedCorrections.label(field);
    }

    public boolean accepted() {
        return decision != null && decision.accepted();
    }

    @Override
    public String toString() {
        return "ClaimedCorrection[" + field + ", " + (decision == null ? "open" : decision.accepted()) + "]";
    }
}
