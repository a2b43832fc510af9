package org.rightsflow.request;

import java.security.SecureRandom;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Public references such as {@code DSR-2026-7KQ3M9XW2T}: the year the request was received and 10 random characters
 * of Crockford's base32 (50 bits), so that knowing one reference tells nothing about any other and nobody can walk
 * them. A reference is still no credential (the status link carries its own token); it only must not be an index.
 * The database's unique constraint on the reference is the last word; a reference already taken is drawn again.
 */
@Component
class ReferenceNumbers {

    /** Crockford's base32: digits and letters without I, L, O and U, so a reference read over the phone is unambiguous. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int RANDOM_CHARACTERS = 10;
    private static final int ATTEMPTS = 5;

    private final SecureRandom random = new SecureRandom();
    private final Requests requests;

    ReferenceNumbers(Requests requests) {
        this.requests = requests;
    }

    String next(LocalDate receivedOn) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate = "DSR-" + receivedOn.getYear() + "-" + randomPart();
            if (requests.findByReference(candidate).isEmpty()) {
                return candidate;
            }
        }
        // 50 random bits make even one collision unlikely in a lifetime of requests; five in a row mean a broken random source.
        throw new IllegalStateException("No free request reference after " + ATTEMPTS + " attempts");
    }

    private String randomPart() {
        StringBuilder part = new StringBuilder(RANDOM_CHARACTERS);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            part.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return part.toString();
    }
}
