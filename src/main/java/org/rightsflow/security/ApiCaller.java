package org.rightsflow.security;

import java.security.Principal;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The API key behind a call of the JSON API, as the controllers see it: its name (recorded on the request and its
 * timeline) and its scopes. Staff signed in with a session are no API caller.
 */
public record ApiCaller(String keyName, Authentication authentication) {

    /** The API key that authenticated this call, if it was one. */
    public static Optional<ApiCaller> of(Principal principal) {
        if (principal instanceof Authentication authentication
                && authentication.getName().startsWith(ApiKeyAuthenticationFilter.PRINCIPAL_PREFIX)) {
            return Optional.of(new ApiCaller(
                    authentication.getName().substring(ApiKeyAuthenticationFilter.PRINCIPAL_PREFIX.length()),
                    authentication));
        }
        return Optional.empty();
    }

    public boolean has(ApiScope scope) {
        return authentication.getAuthorities().stream().anyMatch(granted -> scope.authority().equals(granted.getAuthority()));
    }

    @Override
    public String toString() {
        return "ApiCaller[" + keyName + "]";
    }
}
