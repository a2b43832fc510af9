package org.rightsflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Where the portal's and the staff pages' CSRF token is kept: in the HTTP session when the browser has one (staff
 * signed in, a subject signed in to the preference center), otherwise in a cookie of its own. An anonymous visitor
 * then gets no session at all for reading a page with a form and sending it: a session is a row in the database,
 * written again on every request (Spring Session JDBC updates its last access each time), three commits of every
 * request submitted through the portal.
 *
 * <p>The cookie is the token itself (256 random bits, Spring's {@link CookieCsrfTokenRepository}): {@code HttpOnly}
 * (the pages render the token into their forms, no script reads it), {@code SameSite=Lax} (a cross-site POST does
 * not even carry it), {@code Secure} and named {@code __Host-…} over https, so neither a page on another subdomain
 * nor a plain-http answer can plant a token the attacker knows. A forged POST still needs the token in its body or
 * header, masked per page as before (Spring's default {@code XorCsrfTokenRequestAttributeHandler}), equal to the
 * cookie its own browser holds. The token of an anonymous form guards nothing that a session holds.
 *
 * <p>Once a session exists only its token counts, never the cookie: a session is what a sign-in opens, and a token
 * that someone managed to plant in a cookie must not be accepted for it. Signing in replaces the token (Spring's
 * {@code CsrfAuthenticationStrategy} clears it here, cookie and session alike), so a form opened before the sign-in
 * no longer posts; the same page reloaded does.
 */
final class VisitorCsrfTokens implements CsrfTokenRepository {

    static final String SECURE_COOKIE = "__Host-rightsflow-csrf";
    static final String PLAIN_COOKIE = "rightsflow-csrf";
    // The name the session repository's tokens carry, so pages and clients send one header whichever holds it.
    private static final String HEADER = "X-CSRF-TOKEN";

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository secureCookie = cookie(SECURE_COOKIE, true);
    private final CookieCsrfTokenRepository plainCookie = cookie(PLAIN_COOKIE, false);

    private static CookieCsrfTokenRepository cookie(String name, boolean secure) {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setCookieName(name);
        cookie.setHeaderName(HEADER);
        cookie.setCookieHttpOnly(true);
        // __Host- cookies must say Secure and Path=/ and name no domain; the plain one (local http demo) the same path.
        cookie.setSecure(secure);
        cookie.setCookiePath("/");
        cookie.setCookieCustomizer(builder -> builder.sameSite("Lax"));
        return cookie;
    }

    private CookieCsrfTokenRepository cookieFor(HttpServletRequest request) {
        return request.isSecure() ? secureCookie : plainCookie;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            sessions.saveToken(null, request, response);
            CookieCsrfTokenRepository cookie = cookieFor(request);
            if (WebUtils.getCookie(request, request.isSecure() ? SECURE_COOKIE : PLAIN_COOKIE) != null) {
                cookie.saveToken(null, request, response);
            }
            return;
        }
        if (request.getSession(false) != null) {
            sessions.saveToken(token, request, response);
        } else {
            cookieFor(request).saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            return sessions.loadToken(request);
        }
        return cookieFor(request).loadToken(request);
    }
}
