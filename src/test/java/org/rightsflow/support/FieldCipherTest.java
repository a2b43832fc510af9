package org.rightsflow.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(UTF_8));

    @Test
    void aValueOpensOnlyInItsOwnContext() {
        FieldCipher cipher = new FieldCipher("a=" + KEY_A);
        String sealed = cipher.seal("ada.lovelace@example.com", "dsr_request.subject_email");

        assertThat(sealed).doesNotContain("ada");
        assertThat(cipher.open(sealed, "dsr_request.subject_email")).isEqualTo("ada.lovelace@example.com");
        assertThatThrownBy(() -> cipher.open(sealed, "dsr_request.subject_name"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed its check");
        assertThat(cipher.seal(null, "x")).isNull();
        assertThat(cipher.open(null, "x")).isNull();
    }

    @Test
    void theFirstKeyIsCurrentAndOlderKeysStillOpen() {
        String sealed = new FieldCipher("a=" + KEY_A).seal("found in the shop", "ctx");
        FieldCipher rotated = new FieldCipher("b=" + KEY_B + ", a=" + KEY_A);

        assertThat(rotated.open(sealed, "ctx")).isEqualTo("found in the shop");
        byte[] fresh = Base64.getDecoder().decode(rotated.seal("new", "ctx"));
        assertThat(fresh[0]).isEqualTo((byte) 0x01);
        assertThat(java.nio.ByteBuffer.wrap(fresh, 1, 4).getInt()).isEqualTo(DataKeys.tinkKeyId("b"));
        assertThatThrownBy(() -> new FieldCipher("b=" + KEY_B).open(sealed, "ctx"))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Pins the format: a value sealed by this version must open in every later one. */
    @Test
    void knownAnswer() {
        FieldCipher cipher = new FieldCipher("a=" + KEY_A);
        // 0x01, key id of "a", 12-byte nonce, cipher text, tag: sealed once with Tink 1.18.0 and kept.
        String known = "AcqXgRIAqL/rxtLhgARTmB6lCXec5Q7wy6vMVZKQhr4/QqbIYy8ZKhDsr5v+";

        assertThat(cipher.open(known, "field-cipher-test")).isEqualTo("Ada Lovelace");
        assertThat(java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(known), 1, 4).getInt())
                .isEqualTo(DataKeys.tinkKeyId("a"));
    }

    @Test
    void malformedKeysAreRefused() {
        assertThatThrownBy(() -> new FieldCipher("")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher("a=c2hvcnQ=")).hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> new FieldCipher("a=" + KEY_A + ",a=" + KEY_B)).hasMessageContaining("appears twice");
    }
}
