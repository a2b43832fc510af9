package org.rightsflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 */
class CamundaCsrfCheck extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches()
                || tokenMatches(request)) {
            chain.doFilter(request, response);
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
}
