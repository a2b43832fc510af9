package org.rightsflow.evidence;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key evidence packs are signed with: the configured one, a throwaway one in the demo, or none (then no
 * pack can be issued). A configured key that cannot be read stops the start: packs must not silently go unsigned.
 */
@Component
class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final String ALGORITHM = "Ed25519";
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32 bytes of the key. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final KeyPair keys;
    private final boolean throwaway;

    SigningKey(EvidenceProperties properties) {
        String configured = properties.signingKey();
        if (configured != null && !configured.isBlank()) {
            this.keys = fromPem(readPem(configured.strip()));
            this.throwaway = false;
            log.info("Evidence packs are signed with the configured key (SHA-256 of its public key {})", fingerprint());
        } else if (properties.generateDevKey()) {
            this.keys = generate();
            this.throwaway = true;
            log.warn("Evidence packs are signed with a throwaway key made at start (no rightsflow.evidence.signing-key):"
                    + " packs signed with it prove nothing, since the key is gone at the next start");
        } else {
            this.keys = null;
            this.throwaway = false;
            log.warn("No rightsflow.evidence.signing-key: evidence packs cannot be issued (503) until one is configured");
        }
    }

    boolean available() {
        return keys != null;
    }

    boolean throwaway() {
        return throwaway;
    }

    Optional<String> publicKeyPem() {
        return available() ? Optional.of(pem("PUBLIC KEY", keys.getPublic().getEncoded())) : Optional.empty();
    }

    /** SHA-256 of the DER public key, as {@code openssl pkey -pubin -outform DER | sha256sum} prints it. */
    String fingerprint() {
        return available() ? PackWriter.sha256Hex(keys.getPublic().getEncoded()) : "";
    }

    byte[] sign(byte[] content) {
        if (!available()) {
            throw new IllegalStateException("No signing key");
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(keys.getPrivate());
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static String readPem(String configured) {
        if (configured.startsWith("-----BEGIN")) {
            return configured;
        }
        try {
            return Files.readString(Path.of(configured), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("rightsflow.evidence.signing-key is neither a PEM key nor a readable file", e);
        }
    }

    /**
     * The key pair of a PKCS#8 Ed25519 private key. The JDK cannot derive the public key from the private one, so
     * Tink derives it from the seed; a probe signature checks that the two belong together.
     */
    static KeyPair fromPem(String pem) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the private key has no seed"));
            byte[] publicBytes = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
            byte[] spki = new byte[SPKI_PREFIX.length + publicBytes.length];
            System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
            System.arraycopy(publicBytes, 0, spki, SPKI_PREFIX.length, publicBytes.length);
            PublicKey publicKey = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
            KeyPair pair = new KeyPair(publicKey, privateKey);
            probe(pair);
            return pair;
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("rightsflow.evidence.signing-key is not an Ed25519 private key in PKCS#8 PEM"
                    + " (make one with: openssl genpkey -algorithm ed25519)", e);
        }
    }

    private static void probe(KeyPair pair) throws GeneralSecurityException {
        byte[] probe = "rightsflow evidence key probe".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(ALGORITHM);
        signer.initSign(pair.getPrivate());
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(ALGORITHM);
        verifier.initVerify(pair.getPublic());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("derived public key does not verify");
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
