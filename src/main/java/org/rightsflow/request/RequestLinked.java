package org.rightsflow.request;

/**
 * Published instead of {@link RequestSubmitted} when a new request duplicates an open one of the same type from the
 * same person: no process starts for it, the subject is told it is answered with the earlier one.
 */
public record RequestLinked(String reference, String original) {
}
