package org.rightsflow.optout;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.rightsflow.support.Digests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The only way the ledger and the suppression list know a person: HMAC-SHA256 of the normalised email under
 * {@code rightsflow.secrets.suppression-key}. Keyed, not a plain hash, so the list cannot be reversed by hashing a
 * list of known addresses without the key. Changing the key orphans every stored hash: keep it like a database
 * password, and never rotate it without re-keying the tables.
 */
@Component
class SubjectKeys {

    private final byte[] key;

    SubjectKeys(@Value("${rightsflow.secrets.suppression-key}") String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("rightsflow.secrets.suppression-key (RIGHTSFLOW_SUPPRESSION_KEY) is required");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    String of(String email) {
        return Digests.hmacSha256Hex(key, normalise(email));
    }

    /** Addresses differ only in case and surrounding spaces in practice; both are the same person to us. */
    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
