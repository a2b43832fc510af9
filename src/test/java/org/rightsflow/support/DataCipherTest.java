package org.rightsflow.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DataCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(UTF_8));

    @Test
    void theFirstKeyIsCurrentAndOlderKeysStillDecrypt() {
        DataCipher before = new DataCipher("a=" + KEY_A);
        String sealed = before.encrypt("found in the shop".getBytes(UTF_8));

        DataCipher after = new DataCipher(" b=" + KEY_B + ", a=" + KEY_A);

        assertThat(after.currentKeyId()).isEqualTo("b");
        assertThat(new String(after.decrypt("a", sealed), UTF_8)).isEqualTo("found in the shop");
        String fresh = after.encrypt("found later".getBytes(UTF_8));
        assertThat(new String(new DataCipher("b=" + KEY_B).decrypt("b", fresh), UTF_8)).isEqualTo("found later");
    }

    @Test
    void aValueWhoseKeyWasRemovedIsRefusedNamingTheKey() {
        String sealed = new DataCipher("a=" + KEY_A).encrypt("found in the shop".getBytes(UTF_8));
        DataCipher withoutA = new DataCipher("b=" + KEY_B);

        assertThatThrownBy(() -> withoutA.decrypt("a", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'a' is no longer configured");
        // A key id column that names a configured key does not help a value sealed under a removed one.
        assertThatThrownBy(() -> withoutA.decrypt("b", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed its check");
    }

    @Test
    void anAlteredValueOrAFieldCipherValueIsRefused() {
        DataCipher cipher = new DataCipher("a=" + KEY_A);
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("found in the shop".getBytes(UTF_8)));
        sealed[sealed.length - 1] ^= 0x01;
        String fieldValue = new FieldCipher("a=" + KEY_A).seal("found in the shop", "access_data.cipher_text");

        assertThatThrownBy(() -> cipher.decrypt("a", Base64.getEncoder().encodeToString(sealed)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed its check");
        assertThatThrownBy(() -> cipher.decrypt("a", fieldValue))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed its check");
    }

    /**
     * Pins the format described in docs/architecture.md ("Data at rest"): a value encrypted by this version must
     * decrypt in every later one.
     */
    @Test
    void knownAnswer() {
        DataCipher cipher = new DataCipher("a=" + KEY_A);
        // 0x01, Tink key id of "a", 12-byte nonce, cipher text, tag; context "data-cipher". Made once with Tink 1.18.0.
        String known = "AcqXgRIvNPQH/cODTHST+uu3KnurIWqkSmp3UMRYeNThAS0Opp6ykM3Uf7r1";

        assertThat(new String(cipher.decrypt("a", known), UTF_8)).isEqualTo("Ada Lovelace");
        byte[] bytes = Base64.getDecoder().decode(known);
        assertThat(bytes[0]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(DataKeys.tinkKeyId("a"));
        assertThat(bytes).hasSize(5 + 12 + "Ada Lovelace".length() + 16);
    }

    @Test
    void malformedKeysAreRefused() {
        assertThatThrownBy(() -> new DataCipher("")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DataCipher("a=c2hvcnQ=")).hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> new DataCipher("a")).hasMessageContaining("each entry is id=base64-key");
        assertThatThrownBy(() -> new DataCipher("a=not base64!")).hasMessageContaining("'a' is not Base64");
    }
}
