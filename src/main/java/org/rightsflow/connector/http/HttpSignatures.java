package org.rightsflow.connector.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signing scheme shared by both directions of an http system (docs/connected-systems.md, "Signatures"):
 * Rightsflow signs its calls, the system signs its callbacks, with the same secret.
 *
 * <pre>
 * X-Rightsflow-Timestamp: 1767225600                       (unix seconds)
 * X-Rightsflow-Signature: v1=&lt;hex HMAC-SHA256(secret, timestamp + "." + body)&gt;
 * </pre>
 *
 * The timestamp is inside the signed text so a captured message cannot be replayed later with a fresh timestamp;
 * the version prefix lets the scheme change without ambiguity.
 */
public final class HttpSignatures {

    public static final String TIMESTAMP_HEADER = "X-Rightsflow-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Rightsflow-Signature";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** How far a timestamp may be from the receiver's clock, either way: replay window and clock-skew allowance. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION_PREFIX = "v1=";
    /** Unix seconds: digits only, no sign, at most 12 digits (well past year 9999), so parsing cannot overflow. */
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SIGNATURE = Pattern.compile("v1=[0-9a-fA-F]{64}");

    /** The answer of {@link #verify}. Only {@link #VALID} may be trusted; the others are all a 401 to the sender. */
    public enum Verification {
        VALID,
        /** A header is missing or not in the documented format. */
        MALFORMED,
        /** Well formed, but not made with this secret over this timestamp and body (wrong secret or tampered). */
        BAD_SIGNATURE,
        /** Correctly signed, but the timestamp is more than {@link #TOLERANCE} away from now: a replay or a bad clock. */
        STALE;

        public boolean isValid() {
            return this == VALID;
        }
    }

    private HttpSignatures() {
    }

    /** The {@value #SIGNATURE_HEADER} value for this body: {@code v1=} and 64 lower-case hex digits. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return VERSION_PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    public static String sign(String secret, long timestamp, String body) {
        return sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks a received message. The body must be the raw bytes as received: re-serialised JSON would not match.
     * Malformed headers are checked first, then the signature, then the age, so that {@link Verification#STALE} is
     * only said of a message this secret really signed.
     *
     * @param timestampHeader the {@value #TIMESTAMP_HEADER} value as received, may be null
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value as received, may be null
     */
    public static Verification verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
                                      Instant now) {
        if (timestampHeader == null || signatureHeader == null || body == null
                || !TIMESTAMP.matcher(timestampHeader.strip()).matches()
                || !SIGNATURE.matcher(signatureHeader.strip()).matches()) {
            return Verification.MALFORMED;
        }
        long timestamp = Long.parseLong(timestampHeader.strip());
        byte[] expected = mac(secret, timestamp, body);
        byte[] given = HexFormat.of().parseHex(signatureHeader.strip().substring(VERSION_PREFIX.length()));
        // Constant time: how long the comparison takes must not tell an attacker how many bytes were right.
        if (!MessageDigest.isEqual(expected, given)) {
            return Verification.BAD_SIGNATURE;
        }
        long age = now.getEpochSecond() - timestamp;
        if (Math.abs(age) > TOLERANCE.toSeconds()) {
            return Verification.STALE;
        }
        return Verification.VALID;
    }

    public static Verification verify(String secret, String timestampHeader, String signatureHeader, String body,
                                      Instant now) {
        return verify(secret, timestampHeader, signatureHeader,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), now);
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("no signing secret");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
