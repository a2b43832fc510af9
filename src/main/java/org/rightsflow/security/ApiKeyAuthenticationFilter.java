package org.rightsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.limits.Verdict;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a JSON API call carrying {@code X-Api-Key}. A wrong key is answered at once with 401: it is never
 * silently treated as anonymous. The call carries the key's scopes as authorities ({@link ApiScope#authority()});
 * the authentication lives for this request only and creates no session.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    static final String PRINCIPAL_PREFIX = "api-key:";

    private final ApiKeys keys;
    private final ProblemResponses problems;
    private final RateLimits limits;

    ApiKeyAuthenticationFilter(ApiKeys keys, ProblemResponses problems, RateLimits limits) {
        this.keys = keys;
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        // A client that sent too many wrong keys is not heard until its budget refills, whatever key it sends now.
        Verdict left = limits.clientHasLeft(Limit.API_KEY_FAILURES, request.getRemoteAddr());
        if (!left.allowed()) {
            problems.tooManyRequests(response, left.refusal(), "Too many wrong API keys from this address.",
                    request.getRequestURI());
            return;
        }
        Optional<ApiKeys.Key> key = keys.find(presented);
        if (key.isEmpty()) {
            limits.client(Limit.API_KEY_FAILURES, request.getRemoteAddr());
            problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid API key",
                    "The X-Api-Key header does not match any configured API key.", request.getRequestURI());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        List<GrantedAuthority> authorities = new ArrayList<>();
        key.get().scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL_PREFIX + key.get().name(),
                null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
