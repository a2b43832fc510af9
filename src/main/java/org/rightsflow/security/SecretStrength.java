package org.rightsflow.security;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the production check judges a configured secret. A key must carry at least 32 random bytes, written as
 * Base64 (standard or URL-safe, padding optional: {@code openssl rand -base64 32}) or as hex
 * ({@code openssl rand -hex 32}); a text that is neither, however long, is refused, because its randomness cannot
 * be told. Obviously made-up values (one character repeated, a short pattern repeated) are refused even when long
 * enough. A password needs 12 characters and some variety.
 */
final class SecretStrength {

    static final int MIN_KEY_BYTES = 32;
    static final int MIN_PASSWORD_LENGTH = 12;
    /** 32 random bytes hold about 30 different values; a value with fewer than 16 is a pattern, not chance. */
    static final int MIN_DISTINCT_KEY_BYTES = 16;
    private static final int MIN_DISTINCT_PASSWORD_CHARACTERS = 5;

    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern BASE64_URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

    private SecretStrength() {
    }

    /** Why the key is too weak for production, or empty when it is strong enough. */
    static Optional<String> weakKey(String key) {
        String value = key == null ? "" : key.strip();
        if (value.isEmpty()) {
            return Optional.of("is missing");
        }
        Optional<byte[]> bytes = decoded(value);
        if (bytes.isEmpty()) {
            return Optional.of("is not Base64 or hex (generate it with openssl rand -base64 32)");
        }
        if (bytes.get().length < MIN_KEY_BYTES) {
            return Optional.of("holds " + bytes.get().length + " bytes, fewer than " + MIN_KEY_BYTES
                    + " (generate it with openssl rand -base64 32)");
        }
        if (distinct(bytes.get()) < MIN_DISTINCT_KEY_BYTES) {
            return Optional.of("is a repeated pattern, not random (generate it with openssl rand -base64 32)");
        }
        return Optional.empty();
    }

    /** Why the password is too weak for production, or empty when it is acceptable. */
    static Optional<String> weakPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("is shorter than " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.chars().distinct().count() < MIN_DISTINCT_PASSWORD_CHARACTERS) {
            return Optional.of("repeats too few characters to be guessed slowly");
        }
        return Optional.empty();
    }

    private static Optional<byte[]> decoded(String value) {
        try {
            if (HEX.matcher(value).matches()) {
                return Optional.of(HexFormat.of().parseHex(value));
            }
            if (BASE64.matcher(value).matches()) {
                return Optional.of(Base64.getDecoder().decode(value));
            }
            if (BASE64_URL.matcher(value).matches()) {
                return Optional.of(Base64.getUrlDecoder().decode(value));
            }
        } catch (IllegalArgumentException e) {
            // Wrong padding or length: not a Base64 value after all.
        }
        return Optional.empty();
    }

    private static long distinct(byte[] bytes) {
        boolean[] seen = new boolean[256];
        long count = 0;
        for (byte b : bytes) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                count++;
            }
        }
        return count;
    }
}
