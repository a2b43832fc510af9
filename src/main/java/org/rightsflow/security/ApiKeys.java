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
            keys.add(equals > 0
                    ? new Key(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip())
                    : new Key("key-" + position, trimmed));
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

    boolean containsDemoKey() {
        return keys.stream().anyMatch(key -> key.secret().equals(DEMO_KEY));
    }

    private record Key(String name, String secret) {
    }
}
