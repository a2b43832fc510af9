package org.rightsflow.request;

import java.nio.charset.StandardCharsets;
import org.rightsflow.support.Digests;
import org.rightsflow.support.SecretsProperties;
import org.springframework.stereotype.Component;

/**
 * Status-link tokens: 256 bits, derived as HMAC-SHA256(link key, reference + random salt). The database keeps
 * only the salt and the token's SHA-256, so every later email can carry the same link while a copy of the
 * database alone opens no status page.
 */
@Component
class StatusTokens {

    private final byte[] linkKey;

    /** An empty link key never gets here: {@link SecretsProperties} refuses it at start-up. */
    StatusTokens(SecretsProperties secrets) {
        this.linkKey = secrets.linkKey().getBytes(StandardCharsets.UTF_8);
    }

    StatusToken mint(String reference) {
        String salt = Digests.randomHex(16);
        String token = derive(reference, salt);
        return new StatusToken(token, salt, hash(token));
    }

    String derive(String reference, String salt) {
        return Digests.hmacSha256UrlSafe(linkKey, "status:" + reference + ":" + salt);
    }

    /** The lookup key for a token as presented in a URL; any string is accepted and simply finds nothing. */
    String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
