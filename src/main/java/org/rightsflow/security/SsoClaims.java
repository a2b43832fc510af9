package org.rightsflow.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads values out of an OpenID Connect identity's claims, as providers shape them: a list ({@code ["a", "b"]}), one
 * string with the values separated by spaces or commas, or a list inside an object reached by a dotted path
 * (Keycloak's {@code realm_access.roles}, or {@code resource_access.rightsflow.roles}).
 */
final class SsoClaims {

    private SsoClaims() {
    }

    /** The values at {@code path}; none when the claim is missing or holds something else. */
    static List<String> values(Map<String, Object> claims, String path) {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        Object value = at(claims, path.strip());
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.stream().filter(item -> item instanceof String).map(item -> ((String) item).strip())
                    .filter(item -> !item.isEmpty()).forEach(result::add);
        } else if (value instanceof String text) {
            Arrays.stream(text.split("[\\s,]+")).filter(item -> !item.isEmpty()).forEach(result::add);
        }
        return List.copyOf(result);
    }

    /** The one string at {@code path}, or null. */
    static String text(Map<String, Object> claims, String path) {
        Object value = path == null || path.isBlank() ? null : at(claims, path.strip());
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    /** A claim named with a dot is read whole first (some providers use URLs as claim names), then as a path. */
    private static Object at(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }
}
