package org.rightsflow.correction;

/**
 * The officer's verdict on one field, as the review form submits it.
 *
 * @param reason required for a refusal: the subject is told it
 */
public record Verdict(String field, boolean accept, String reason) {
}
