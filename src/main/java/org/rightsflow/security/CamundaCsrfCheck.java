package org.rightsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request to Camunda's webapps whose CSRF token is missing or wrong before Camunda's own
 * CsrfPreventionFilter sees it. That filter answers such a request by invalidating the HTTP session, and the
 * session is Rightsflow's too: any page on the web could sign a staff member out of everything with one forged
 * POST. Here the forged request gets the same 403 and the session stays as it was. The check is Camunda's: a
 * modifying request carries the token Camunda keeps in the session in its {@code X-XSRF-TOKEN} header.
 *
 * <p>Over https (directly or behind the TLS proxy) Camunda's {@code XSRF-TOKEN} cookie is also made {@code Secure},
 * as Rightsflow's own cookies are: Camunda marks it Secure only when configured to, for every request alike, which
 * would break the plain-http local demo.
 */
class CamundaCsrfCheck extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches()
                || tokenMatches(request)) {
            chain.doFilter(request, request.isSecure() ? new SecureCsrfCookie(response) : response);
            return;
        }
        response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Missing or wrong CSRF token.");
    }

    private static boolean tokenMatches(HttpServletRequest request) {
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        HttpSession session = request.getSession(false);
        Object kept = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return sent != null && !sent.isBlank() && kept instanceof String token
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds {@code Secure} to the CSRF cookie Camunda's filter sets (it does so with {@code addHeader}). */
    private static final class SecureCsrfCookie extends HttpServletResponseWrapper {

        private static final String COOKIE = CsrfConstants.CSRF_TOKEN_DEFAULT_COOKIE_NAME + "=";

        SecureCsrfCookie(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secured(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secured(name, value));
        }

        private static String secured(String name, String value) {
            boolean csrfCookie = "Set-Cookie".equalsIgnoreCase(name) && value != null && value.startsWith(COOKIE);
            return csrfCookie && !value.toLowerCase(java.util.Locale.ROOT).contains("; secure")
                    ? value + ";Secure" : value;
        }
    }
}
