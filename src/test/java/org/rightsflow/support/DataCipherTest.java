package org.rightsflow.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The behaviour {@link SealedFiles} relies on when it shares DataCipher's keys. */
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
    }

    @Test
    void keysAreLookedUpById() {
        DataCipher cipher = new DataCipher("b=" + KEY_B + ",a=" + KEY_A);

        assertThat(cipher.key("a")).hasValueSatisfying(key -> assertThat(key.getAlgorithm()).isEqualTo("AES"));
        assertThat(cipher.key("c")).isEmpty();
        assertThatThrownBy(() -> cipher.decrypt("c", "AAAA"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'c' is no longer configured");
    }

    @Test
    void malformedKeysAreRefused() {
        assertThatThrownBy(() -> new DataCipher("")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new DataCipher("a=c2hvcnQ=")).hasMessageContaining("must be 32 bytes");
    }
}
