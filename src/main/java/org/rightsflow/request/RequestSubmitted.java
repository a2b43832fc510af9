package org.rightsflow.request;

/** Published in the intake transaction: a request was stored and its process must start. */
public record RequestSubmitted(String reference) {
}
