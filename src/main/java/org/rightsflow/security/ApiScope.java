package org.rightsflow.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an API key may do, granted per key in {@code rightsflow.api.keys}. A key has only the scopes listed for it;
 * no scope implies another, except that {@link #READ_ALL} reads everything {@link #READ_OWN} does.
 */
public enum ApiScope {
    /** {@code POST /api/v1/requests}: submit data subject requests. */
    SUBMIT("submit"),
    /** {@code POST /api/v1/optouts}: record opt-outs, limits and opt-ins in bulk. */
    OPTOUTS("optouts"),
    /** {@code POST /api/v1/suppression/check}: ask whether people are on the suppression list. */
    SUPPRESSION("suppression"),
    /** {@code GET /api/v1/requests/{reference}} of the requests this key submitted, and no other. */
    READ_OWN("read-own"),
    /** {@code GET /api/v1/requests/{reference}} of every request. */
    READ_ALL("read-all");

    private final String configName;

    ApiScope(String configName) {
        this.configName = configName;
    }

    /** The name an operator writes in the configuration. */
    public String configName() {
        return configName;
    }

    /** The Spring Security authority a key with this scope carries for the duration of one call. */
    public String authority() {
        return "SCOPE_" + configName;
    }

    static Optional<ApiScope> named(String name) {
        return Arrays.stream(values()).filter(scope -> scope.configName.equals(name)).findFirst();
    }

    static String allNames() {
        return Arrays.stream(values()).map(ApiScope::configName).collect(Collectors.joining(", "));
    }
}
