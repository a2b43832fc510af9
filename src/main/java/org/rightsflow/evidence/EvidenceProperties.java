package org.rightsflow.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that signs evidence packs ({@code rightsflow.evidence.*}).
 *
 * @param signingKey     the Ed25519 private key as PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----", e.g. from
 *                       {@code openssl genpkey -algorithm ed25519}), or the path of a file holding it; empty for none
 * @param generateDevKey without a signing key, make a throwaway key at start (the demo); packs signed with it prove
 *                       nothing, since the key is gone at the next start. Off in production, where packs then answer
 *                       503 until a key is configured
 */
@ConfigurationProperties("rightsflow.evidence")
public record EvidenceProperties(String signingKey, boolean generateDevKey) {
}
