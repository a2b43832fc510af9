package org.rightsflow.request;

/** Published when a request reaches its final status. */
public record RequestClosed(String reference, RequestOutcome outcome) {
}
