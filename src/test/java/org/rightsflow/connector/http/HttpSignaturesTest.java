package org.rightsflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.connector.http.HttpSignatures.Verification;

class HttpSignaturesTest {

    private static final String SECRET = "whsec-test-0123456789abcdef0123456789abcdef";
    private static final long TIMESTAMP = 1767225600L;
    private static final String BODY = "{\"reference\":\"DSR-2026-000042\",\"action\":\"ERASE\"}";
    private static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void signsLikeTheDocumentedTestVector() {
        // Computed with: printf '%s' '1767225600.{"reference":...}' | openssl dgst -sha256 -hmac '<secret>'
        // (docs/connected-systems.md gives the same vector so receivers can check their own code).
        assertThat(HttpSignatures.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("v1=7bcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83");
    }

    @Test
    void acceptsItsOwnSignatureAsReceived() {
        String signature = HttpSignatures.sign(SECRET, TIMESTAMP, BODY);

        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature, BODY, NOW)).isEqualTo(Verification.VALID);
        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature.toUpperCase().replace("V1=", "v1="), BODY,
                NOW)).as("hex digits in upper case").isEqualTo(Verification.VALID);
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        String signature = HttpSignatures.sign("another-secret-0123456789abcdef0123456789", TIMESTAMP, BODY);

        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature, BODY, NOW))
                .isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Test
    void refusesATamperedBodyOrTimestamp() {
        String signature = HttpSignatures.sign(SECRET, TIMESTAMP, BODY);

        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature, BODY.replace("ERASE", "ACCESS"), NOW))
                .isEqualTo(Verification.BAD_SIGNATURE);
        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature, BODY + " ", NOW))
                .as("even whitespace: the raw bytes are signed").isEqualTo(Verification.BAD_SIGNATURE);
        assertThat(HttpSignatures.verify(SECRET, "1767225601", signature, BODY, NOW))
                .as("a new timestamp on an old signature").isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Test
    void refusesACorrectSignatureOlderOrNewerThanFiveMinutes() {
        String signature = HttpSignatures.sign(SECRET, TIMESTAMP, BODY);

        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature, BODY, NOW.plusSeconds(300)))
                .isEqualTo(Verification.VALID);
        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature, BODY, NOW.plusSeconds(301)))
                .as("replayed six minutes later").isEqualTo(Verification.STALE);
        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature, BODY, NOW.minusSeconds(300)))
                .isEqualTo(Verification.VALID);
        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature, BODY, NOW.minusSeconds(301)))
                .as("from the future: the sender's clock is ahead").isEqualTo(Verification.STALE);
    }

    @Test
    void aStaleMessageWithAWrongSignatureIsABadSignature() {
        String signature = HttpSignatures.sign("another-secret-0123456789abcdef0123456789", TIMESTAMP, BODY);

        assertThat(HttpSignatures.verify(SECRET, "1767225600", signature, BODY, NOW.plusSeconds(3600)))
                .isEqualTo(Verification.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "timestamp [{0}], signature [{1}]")
    @CsvSource(nullValues = "NULL", value = {
            "NULL,       v1=7bcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83",
            "1767225600, NULL",
            "'',         v1=7bcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83",
            "-1767225600, v1=7bcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83",
            "2026-01-01T00:00:00Z, v1=7bcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83",
            "99999999999999999999, v1=7bcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83",
            "1767225600, 7bcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83",
            "1767225600, v2=7bcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83",
            "1767225600, v1=7bcb02780325f6a1",
            "1767225600, v1=zzcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83",
            "1767225600, 'v1=7bcb02780325f6a1afb7fc22f23e70a3d2f2563d49ec4827a1d92169e378cc83,v1=00'",
    })
    void refusesMalformedHeaders(String timestamp, String signature) {
        assertThat(HttpSignatures.verify(SECRET, timestamp, signature, BODY, NOW)).isEqualTo(Verification.MALFORMED);
    }

    @Test
    void onlyValidIsValid() {
        assertThat(Verification.VALID.isValid()).isTrue();
        assertThat(Verification.STALE.isValid()).isFalse();
        assertThat(Verification.BAD_SIGNATURE.isValid()).isFalse();
        assertThat(Verification.MALFORMED.isValid()).isFalse();
    }
}
