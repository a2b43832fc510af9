package org.rightsflow.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one way Rightsflow looks a person up without keeping their address in clear: HMAC-SHA256 of the normalised
 * email under {@code rightsflow.secrets.suppression-key}. Duplicates, search by email, the opt-out ledger, the
 * suppression list and the mail limits all ask this class, so the same person has the same key everywhere. Keyed,
 * not a plain hash, so a copy of the database cannot be reversed by hashing a list of known addresses. Changing the
 * key orphans every stored hash: keep it like a database password, and never rotate it without re-keying.
 */
public class SubjectHashes {

    private final byte[] key;

    public SubjectHashes(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** 64 hex digits; the same for addresses that differ only in case and surrounding spaces. */
    public String ofEmail(String email) {
        return Digests.hmacSha256Hex(key, normalise(email));
    }

    /** Addresses differ only in case and surrounding spaces in practice; both are the same person to us. */
    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
