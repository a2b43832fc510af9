package org.rightsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.limits.Verdict;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The staff sign-in budget of a client address ({@link Limit#STAFF_LOGIN}) at Camunda's REST API, which takes a
 * user name and password with every call (HTTP Basic). Without it, a client refused at the login form after its
 * budget could go on guessing passwords here, one call per guess, user name after user name (the account lockout
 * stops guesses at one account only).
 *
 * <p>Unlike the form, a call spends the budget only when its credentials are wrong: a script that signs every call
 * must not run out. Both doors share the one budget, so guesses here count against the form and the other way round.
 */
class EngineRestLoginLimits extends OncePerRequestFilter implements AuthenticationEntryPoint {

    private final RateLimits limits;
    private final ProblemResponses problems;
    private final BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();

    EngineRestLoginLimits(RateLimits limits, ProblemResponses problems, String realm) {
        this.limits = limits;
        this.problems = problems;
        challenge.setRealmName(realm);
    }

    /** Before the password is looked at: a client out of budget is not heard, whatever it sends now. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (carriesCredentials(request)) {
            Verdict left = limits.clientHasLeft(Limit.STAFF_LOGIN, request.getRemoteAddr());
            if (!left.allowed()) {
                problems.tooManyRequests(response, left.refusal(),
                        "Too many wrong sign-ins from this address; the credentials were not checked.",
                        request.getRequestURI());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Credentials that were sent and refused spend one attempt; a call without any only gets the challenge. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (carriesCredentials(request)) {
            limits.client(Limit.STAFF_LOGIN, request.getRemoteAddr());
        }
        challenge.commence(request, response, failure);
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
