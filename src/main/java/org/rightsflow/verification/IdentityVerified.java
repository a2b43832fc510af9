package org.rightsflow.verification;

import java.time.Instant;

/** Published in the confirming transaction; a listener that throws rolls the confirmation back. */
public record IdentityVerified(String reference, Instant verifiedAt) {
}
