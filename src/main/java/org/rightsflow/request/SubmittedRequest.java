package org.rightsflow.request;

/** The answer to a submission: the public reference and the secret status link token, shown once to the submitter. */
public record SubmittedRequest(RequestDetails request, String statusToken) {
}
