package org.rightsflow.request;

/**
 * A request refused as a whole.
 *
 * @param reasons  what the subject is told, in the refusal email and on the status page
 * @param evidence what staff recorded to show the ground (staff only); null where the ground needs none
 */
public record Refusal(RefusalGround ground, String reasons, String evidence, String refusedBy) {
}
