package org.rightsflow.support;

import java.util.Base64;

/**
 * Encrypts personal data Rightsflow must hold for a while in tables that record the key of each value next to it
 * (a {@code key_id} column: what an access step found, the values a correction asks for, the address an opt-out
 * must reach). The keys are those of {@code rightsflow.secrets.data-keys}, read by {@link DataKeys}; the first one
 * is current, older ones still decrypt what they encrypted. {@link SealedFiles} encrypts files with the same keys.
 *
 * <p>Format (pinned by {@code DataCipherTest}): that of {@link FieldCipher} (Base64 of Tink's AES-256-GCM cipher
 * text, which starts with 0x01 and its key's Tink id), under the one context {@value #CONTEXT}. The {@code key_id}
 * column tells which data still needs a key before that key is retired; the cipher text itself names its key.
 */
public class DataCipher {

    /** Associated data of every value: a DataCipher value does not open as a {@link FieldCipher} column. */
    static final String CONTEXT = "data-cipher";

    private final DataKeys keys;
    private final FieldCipher values;

    public DataCipher(String configured) {
        this.keys = DataKeys.parse(configured);
        this.values = new FieldCipher(keys);
    }

    /** The id of the key {@link #encrypt} uses, to store next to the value. */
    public String currentKeyId() {
        return keys.currentId();
    }

    /** The configured keys, for {@link SealedFiles}; package-private, so raw keys never leave the support module. */
    DataKeys keys() {
        return keys;
    }

    /** Encrypts under the current key; the result is Base64. */
    public String encrypt(byte[] plain) {
        return Base64.getEncoder().encodeToString(values.encrypt(plain, CONTEXT));
    }

    /**
     * Decrypts what {@link #encrypt} encrypted under the key {@code keyId} names.
     *
     * @throws IllegalStateException when that key is no longer configured or the data was altered
     */
    public byte[] decrypt(String keyId, String sealedBase64) {
        if (!keys.contains(keyId)) {
            throw new IllegalStateException("Data key '" + keyId + "' is no longer configured in rightsflow.secrets.data-keys");
        }
        return values.decrypt(Base64.getDecoder().decode(sealedBase64), CONTEXT);
    }
}
