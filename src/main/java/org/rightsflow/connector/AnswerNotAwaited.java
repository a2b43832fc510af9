package org.rightsflow.connector;

/** A late answer arrived for a step that no longer waits for it (already answered, or the request closed). */
public class AnswerNotAwaited extends RuntimeException {

    public AnswerNotAwaited(String reference) {
        super("No step of " + reference + " waits for this answer any more");
    }
}
