package org.rightsflow.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rightsflow.support.Digests;

/**
 * The API keys allowed to call the JSON API, from {@code rightsflow.api.keys}: a comma-separated list of
 * {@code name:scope+scope=secret} entries, e.g. {@code crm:submit+read-own=…,shop:optouts+suppression=…}. The name
 * is what the request and its timeline record; the scopes ({@link ApiScope}) are all the key may do. Anything
 * malformed, an unknown scope, a name or a secret used twice stops the application at start, with a message that
 * never repeats a secret. Built by {@link SecurityConfiguration} from {@link ApiProperties}.
 */
class ApiKeys {

    static final String DEMO_KEY = "demo-api-key";
    static final String FORMAT = "name:scope+scope=secret";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<Key> keys = new ArrayList<>();

    ApiKeys(String configured) {
        int position = 0;
        Set<String> names = new HashSet<>();
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            position++;
            Key key = parse(trimmed, position);
            if (!names.add(key.name())) {
                throw problem(position, "the name '" + key.name() + "' is already used by another key; a key's name "
                        + "says which requests it submitted, so each key needs its own");
            }
            if (keys.stream().anyMatch(other -> other.secret().equals(key.secret()))) {
                throw problem(position, "key '" + key.name() + "' has the same secret as another key");
            }
            keys.add(key);
        }
    }

    private static Key parse(String entry, int position) {
        int equals = entry.indexOf('=');
        int colon = entry.indexOf(':');
        if (equals < 0 || colon < 0 || colon > equals) {
            // The entry's text is not repeated: it may be a bare secret.
            throw problem(position, "write each key as " + FORMAT + " (scopes: " + ApiScope.allNames() + ")");
        }
        String name = entry.substring(0, colon).strip();
        String scopeList = entry.substring(colon + 1, equals).strip();
        String secret = entry.substring(equals + 1).strip();
        if (!NAME.matcher(name).matches()) {
            throw problem(position, "the name must be 1 to 64 letters, digits, '.', '_' or '-'; write each key as "
                    + FORMAT);
        }
        if (secret.isEmpty()) {
            // An empty secret would let a request with an empty X-Api-Key header in.
            throw problem(position, "key '" + name + "' has an empty secret");
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String scopeName : scopeList.split("\\+")) {
            String wanted = scopeName.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            scopes.add(ApiScope.named(wanted).orElseThrow(() -> problem(position, "key '" + name
                    + "' names the unknown scope '" + wanted + "'; the scopes are " + ApiScope.allNames())));
        }
        if (scopes.isEmpty()) {
            throw problem(position, "key '" + name + "' has no scope; give it one or more of " + ApiScope.allNames());
        }
        return new Key(name, Set.copyOf(scopes), secret);
    }

    private static IllegalStateException problem(int position, String what) {
        return new IllegalStateException("rightsflow.api.keys (RIGHTSFLOW_API_KEYS): entry " + position + ": " + what
                + ".");
    }

    /** The key that matches, compared in constant time against every configured key. */
    Optional<Key> find(String presented) {
        Key match = null;
        for (Key key : keys) {
            if (Digests.sameSecret(key.secret(), presented)) {
                match = key;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Every configured key, for the production check of their secrets. */
    List<Key> all() {
        return List.copyOf(keys);
    }

    boolean containsDemoKey() {
        return keys.stream().anyMatch(key -> key.secret().equals(DEMO_KEY));
    }

    record Key(String name, Set<ApiScope> scopes, String secret) {

        @Override
        public String toString() {
            return "Key[" + name + ", " + scopes + "]";
        }
    }
}
