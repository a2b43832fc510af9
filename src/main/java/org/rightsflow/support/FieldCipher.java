package org.rightsflow.support;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypts the personal data Rightsflow keeps in its own tables, one value at a time, with Google Tink's AEAD
 * (AES-256-GCM). The keys are those of {@code rightsflow.secrets.data-keys} ({@code id=base64-32-bytes}, the first
 * one current), imported into one Tink keyset: every cipher text starts with Tink's 5-byte prefix naming its key, so
 * values sealed under an older key still open after a rotation, as long as that key stays listed.
 *
 * <p>Each value is bound to its place ({@code context}, e.g. {@code "dsr_request.subject_email"}) as associated
 * data: a cipher text copied into another column does not open there.
 *
 * <p>Format (pinned by {@code FieldCipherTest}): Base64 of Tink's cipher text, {@code 0x01 ‖ key id (4 bytes, the
 * first four bytes of SHA-256 of the configured id) ‖ 12-byte nonce ‖ AES-GCM cipher text ‖ 16-byte tag}.
 */
public class FieldCipher {

    private static final AesGcmParameters AES_256_GCM;

    static {
        try {
            AeadConfig.register();
            AES_256_GCM = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.TINK).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;

    public FieldCipher(String configured) {
        Map<String, byte[]> keys = parseDataKeys(configured);
        try {
            KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
            boolean first = true;
            for (Map.Entry<String, byte[]> key : keys.entrySet()) {
                AesGcmKey aesKey = AesGcmKey.builder().setParameters(AES_256_GCM)
                        .setKeyBytes(SecretBytes.copyFrom(key.getValue(), InsecureSecretKeyAccess.get()))
                        .setIdRequirement(tinkKeyId(key.getKey())).build();
                KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(aesKey).withFixedId(tinkKeyId(key.getKey()));
                keyset.addEntry(first ? entry.makePrimary() : entry);
                first = false;
            }
            this.aead = keyset.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("rightsflow.secrets.data-keys could not be made into a Tink keyset", e);
        }
    }

    /** The sealed value (Base64), or null for null. */
    public String seal(String plain, String context) {
        if (plain == null) {
            return null;
        }
        return Base64.getEncoder().encodeToString(encrypt(plain.getBytes(StandardCharsets.UTF_8), context));
    }

    /**
     * The value {@link #seal} sealed in the same context, or null for null.
     *
     * @throws IllegalStateException when the value was altered, belongs elsewhere, or its key is no longer configured
     */
    public String open(String sealed, String context) {
        if (sealed == null) {
            return null;
        }
        return new String(decrypt(Base64.getDecoder().decode(sealed), context), StandardCharsets.UTF_8);
    }

    public byte[] encrypt(byte[] plain, String context) {
        try {
            return aead.encrypt(plain, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] sealed, String context) {
        try {
            return aead.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Tink says no more than this on purpose; neither do we (the value is personal data).
            throw new IllegalStateException("An encrypted value failed its check: it was altered, belongs to another "
                    + "field, or its key is no longer in rightsflow.secrets.data-keys");
        }
    }

    /** Tink's key id for a configured key id: stable, so a key keeps its id across restarts and rotations. */
    static int tinkKeyId(String configuredId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(configuredId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 4).getInt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The configured keys in order (the first is current), each checked: id=Base64 of 32 bytes, ids unique. */
    static Map<String, byte[]> parseDataKeys(String configured) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : configured == null ? new String[0] : configured.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalStateException("rightsflow.secrets.data-keys: each entry is id=base64-key");
            }
            String id = trimmed.substring(0, equals).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(equals + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("rightsflow.secrets.data-keys: key '" + id + "' is not Base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException("rightsflow.secrets.data-keys: key '" + id + "' must be 32 bytes "
                        + "(generate one with: openssl rand -base64 32)");
            }
            if (keys.put(id, key) != null) {
                throw new IllegalStateException("rightsflow.secrets.data-keys: key id '" + id + "' appears twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("rightsflow.secrets.data-keys (RIGHTSFLOW_DATA_KEYS) must hold at least one key");
        }
        return keys;
    }
}
