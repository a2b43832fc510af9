package org.rightsflow.support;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of {@code rightsflow.secrets.data-keys} ({@code id=base64-32-bytes}, comma-separated, the first one
 * current), read once and turned into Google Tink keysets: the one place where configured keys become keys, for
 * {@link FieldCipher}, {@link DataCipher} and {@link SealedFiles}.
 *
 * <p>Every keyset holds all configured keys in their configured order, the first one primary: Tink encrypts with
 * the primary and decrypts with whichever key a cipher text belongs to. That is the whole of key rotation: put a new
 * key first, keep the old ones listed until nothing sealed under them is left. Each key gets a stable Tink key id,
 * {@link #tinkKeyId}, so it keeps its id across restarts and rotations.
 *
 * <p>The same 32 bytes serve as the AES-256-GCM key of {@link #aead()} and as HKDF input key material of
 * {@link #streamingAead()}; a streaming key only ever encrypts under keys HKDF derives from it, never under itself.
 */
final class DataKeys {

    /** AES-256-GCM with Tink's 5-byte prefix (0x01 and the key id), so every cipher text names its key. */
    private static final AesGcmParameters AES_256_GCM;
    /**
     * AES-256-GCM-HKDF-SHA256 in 64 KiB cipher text segments: large enough that tags cost little, small enough that
     * a stream buffers only one segment each way.
     */
    private static final AesGcmHkdfStreamingParameters AES_256_GCM_HKDF_64KIB;

    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
            AES_256_GCM = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.TINK).build();
            AES_256_GCM_HKDF_64KIB = AesGcmHkdfStreamingParameters.builder().setKeySizeBytes(32)
                    .setDerivedAesGcmKeySizeBytes(32).setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(64 * 1024).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Map<String, byte[]> keys;

    private DataKeys(Map<String, byte[]> keys) {
        this.keys = keys;
    }

    /**
     * The configured keys, each checked: {@code id=Base64 of 32 bytes}, ids unique, at least one.
     *
     * @throws IllegalStateException naming the key (never its value) that is malformed
     */
    static DataKeys parse(String configured) {
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
        return new DataKeys(keys);
    }

    /** The id of the key new data is sealed under: the first configured one. */
    String currentId() {
        return keys.keySet().iterator().next();
    }

    boolean contains(String id) {
        return keys.containsKey(id);
    }

    /** Tink's AEAD (AES-256-GCM) over every configured key. */
    Aead aead() {
        return primitive(Aead.class, (bytes, tinkId) -> AesGcmKey.builder().setParameters(AES_256_GCM)
                .setKeyBytes(bytes).setIdRequirement(tinkId).build());
    }

    /** Tink's streaming AEAD (AES-256-GCM-HKDF, 64 KiB segments) over every configured key. */
    StreamingAead streamingAead() {
        // A streaming cipher text carries no key id: decryption tries the keys in keyset order, newest first.
        return primitive(StreamingAead.class, (bytes, tinkId) ->
                AesGcmHkdfStreamingKey.create(AES_256_GCM_HKDF_64KIB, bytes));
    }

    /** Tink's key id for a configured key id: the first four bytes of SHA-256 of the id, big-endian. */
    static int tinkKeyId(String configuredId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(configuredId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 4).getInt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private interface TinkKey {
        Key of(SecretBytes bytes, int tinkId) throws GeneralSecurityException;
    }

    private <P> P primitive(Class<P> type, TinkKey tinkKey) {
        try {
            KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
            boolean first = true;
            for (Map.Entry<String, byte[]> key : keys.entrySet()) {
                int tinkId = tinkKeyId(key.getKey());
                KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(tinkKey.of(
                        SecretBytes.copyFrom(key.getValue(), InsecureSecretKeyAccess.get()), tinkId)).withFixedId(tinkId);
                keyset.addEntry(first ? entry.makePrimary() : entry);
                first = false;
            }
            return keyset.build().getPrimitive(RegistryConfiguration.get(), type);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("rightsflow.secrets.data-keys could not be made into a Tink keyset", e);
        }
    }
}
