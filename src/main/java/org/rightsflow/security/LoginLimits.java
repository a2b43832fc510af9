package org.rightsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.limits.Verdict;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The two limits of the staff sign-in: each attempt spends the client address's budget before the password is
 * looked at, and a locked account ({@link LoginLockout}) is refused. Both answer 429 with {@code Retry-After} and the
 * sign-in page saying when to try again; other failures go back to the page as before.
 */
class LoginLimits extends OncePerRequestFilter implements AuthenticationFailureHandler {

    /** Request attribute: when the next attempt will be heard (an {@link Instant}). */
    static final String RETRY_AT = LoginLimits.class.getName() + ".retryAt";
    static final String LIMITED_PAGE = "/login/limited";

    private final RateLimits limits;
    private final LoginLockout lockout;
    private final Clock clock;
    private final AuthenticationFailureHandler otherFailures = new SimpleUrlAuthenticationFailureHandler("/login?error");

    LoginLimits(RateLimits limits, LoginLockout lockout, Clock clock) {
        this.limits = limits;
        this.lockout = lockout;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Verdict allowed = limits.client(Limit.STAFF_LOGIN, request.getRemoteAddr());
        if (!allowed.allowed()) {
            refuse(request, response, allowed.refusal().retryAt());
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException, ServletException {
        if (failure instanceof LockedException) {
            String username = request.getParameter("username");
            Instant until = username == null ? null : lockout.lockedUntil(username).orElse(null);
            refuse(request, response, until == null ? clock.instant().plusSeconds(1) : until);
            return;
        }
        otherFailures.onAuthenticationFailure(request, response, failure);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Instant retryAt)
            throws ServletException, IOException {
        request.setAttribute(RETRY_AT, retryAt);
        request.getRequestDispatcher(LIMITED_PAGE).forward(request, response);
    }
}
