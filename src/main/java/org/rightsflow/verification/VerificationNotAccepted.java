package org.rightsflow.verification;

/** The request behind a valid link no longer waits for verification (closed, or already confirmed). */
public class VerificationNotAccepted extends RuntimeException {

    public VerificationNotAccepted(String reference) {
        super("Request " + reference + " is not waiting for verification");
    }
}
