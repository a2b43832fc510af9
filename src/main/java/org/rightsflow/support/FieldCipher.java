package org.rightsflow.support;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Encrypts the personal data Rightsflow keeps in its own tables, one value at a time, with Google Tink's AEAD
 * (AES-256-GCM). The keys are those of {@code rightsflow.secrets.data-keys} ({@code id=base64-32-bytes}, the first
 * one current), imported into one Tink keyset by {@link DataKeys}: every cipher text starts with Tink's 5-byte
 * prefix naming its key, so values sealed under an older key still open after a rotation, as long as that key stays
 * listed.
 *
 * <p>Each value is bound to its place ({@code context}, e.g. {@code "dsr_request.subject_email"}) as associated
 * data: a cipher text copied into another column does not open there.
 *
 * <p>Format (pinned by {@code FieldCipherTest}): Base64 of Tink's cipher text, {@code 0x01 ‖ key id (4 bytes, the
 * first four bytes of SHA-256 of the configured id) ‖ 12-byte nonce ‖ AES-GCM cipher text ‖ 16-byte tag}.
 */
public class FieldCipher {

    private final Aead aead;

    public FieldCipher(String configured) {
        this(DataKeys.parse(configured));
    }

    /** For {@link DataCipher}, which seals its values the same way under one fixed context. */
    FieldCipher(DataKeys keys) {
        this.aead = keys.aead();
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
}
