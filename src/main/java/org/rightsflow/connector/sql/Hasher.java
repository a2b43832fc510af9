package org.rightsflow.connector.sql;

import java.nio.charset.StandardCharsets;
import org.rightsflow.support.Digests;

/**
 * The hash strategy: hex(HMAC-SHA256(key, value)), the value as text in UTF-8 (dates and numbers in their access
 * package form). Keyed, so that nobody without the key can confirm a guess (an unkeyed hash of an email address is
 * reversed by hashing a list of addresses); deterministic, so that the company can still recognise the same value.
 */
final class Hasher {

    private final byte[] key;

    Hasher(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    String hash(Object value) {
        return Digests.hmacSha256Hex(key, String.valueOf(JsonValues.of(value)));
    }

    @Override
    public String toString() {
        return "Hasher[key redacted]";
    }
}
