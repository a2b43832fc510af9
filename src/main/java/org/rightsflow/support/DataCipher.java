package org.rightsflow.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data Rightsflow must hold for a while (what an access step found, files staff upload) with
 * AES-256-GCM. Keys come from {@code rightsflow.secrets.data-keys}: comma-separated {@code id=base64-32-bytes}
 * pairs, the first one current. Older keys stay listed so data encrypted under them still decrypts after a
 * rotation; each cipher text records the id of its key. {@link SealedFiles} encrypts files with the same keys.
 */
public class DataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public DataCipher(String configured) {
        // One reading of rightsflow.secrets.data-keys for both ciphers (FieldCipher imports the same keys into Tink).
        FieldCipher.parseDataKeys(configured).forEach((id, key) -> keys.put(id, new SecretKeySpec(key, "AES")));
        this.currentKeyId = keys.keySet().iterator().next();
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /**
     * The configured key with this id, for {@link SealedFiles}. Package-private: the raw keys never leave the
     * support module.
     */
    Optional<SecretKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** Encrypts under the current key; the result is Base64 of nonce + cipher text + tag. */
    public String encrypt(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * Decrypts with the key the data was encrypted under.
     *
     * @throws IllegalStateException when that key is no longer configured or the data was altered
     */
    public byte[] decrypt(String keyId, String sealedBase64) {
        SecretKey key = key(keyId).orElseThrow(() -> new IllegalStateException(
                "Data key '" + keyId + "' is no longer configured in rightsflow.secrets.data-keys"));
        byte[] sealed = Base64.getDecoder().decode(sealedBase64);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("Encrypted data failed its integrity check: it was altered or the key is wrong");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Whether the demo key of the default profile is configured (refused in production). */
    public boolean usesKey(String base64) {
        return keys.values().stream().anyMatch(k -> Base64.getEncoder().encodeToString(k.getEncoded()).equals(base64));
    }
}
