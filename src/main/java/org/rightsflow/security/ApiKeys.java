package org.rightsflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rightsflow.support.Digests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The API keys allowed to call the JSON API, from {@code rightsflow.api.keys}: a comma-separated list of
 * {@code name=secret} pairs (or bare secrets, named key-1, key-2 …). The name is what the timeline records.
 */
@Component
class ApiKeys {

    static final String DEMO_KEY = "demo-api-key";

    private final List<Key> keys = new ArrayList<>();

    ApiKeys(@Value("${rightsflow.api.keys:}") String configured) {
        int position = 0;
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            position++;
            int equals = trimmed.indexOf('=');
            Key key = equals > 0
                    ? new Key(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip())
                    : new Key("key-" + position, trimmed);
            if (key.secret().replace("=", "").isEmpty()) {
                // An empty secret would let a request with an empty X-Api-Key header in, and a bare Base64 key ending
                // in '=' or '==' reads as name=<padding>. The entry's text is not repeated: in that case the part
                // before '=' is the real secret.
                throw new IllegalStateException("rightsflow.api.keys: entry " + position + " has an empty secret. "
                        + "Write each key as name=secret; a bare secret must not contain '='.");
            }
            keys.add(key);
        }
    }

    /** The name of the key that matches, compared in constant time against every configured key. */
    Optional<String> nameOf(String presented) {
        String match = null;
        for (Key key : keys) {
            if (Digests.sameSecret(key.secret(), presented)) {
                match = key.name();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The length of the shortest configured secret, or 0 when none is configured. */
    int shortestSecretLength() {
        return keys.stream().mapToInt(key -> key.secret().length()).min().orElse(0);
    }

    boolean containsDemoKey() {
        return keys.stream().anyMatch(key -> key.secret().equals(DEMO_KEY));
    }

    private record Key(String name, String secret) {
    }
}
