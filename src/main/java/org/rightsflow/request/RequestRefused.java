package org.rightsflow.request;

/**
 * Published, in the transaction that refused it, when staff refuse a request as a whole: the running process is
 * stopped and the subject gets the refusal with the remedies their law names. {@link RequestClosed} follows.
 */
public record RequestRefused(String reference) {
}
