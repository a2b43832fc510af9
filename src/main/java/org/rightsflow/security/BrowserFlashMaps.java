package org.rightsflow.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.rightsflow.support.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * Flash attributes (what a page shows once after a POST's redirect: "we received your request", the status link)
 * without a session for a visitor who has none. Spring's default keeps them in the HTTP session, which for an
 * anonymous visitor meant creating one, a database row written on the POST and again on the page after it.
 *
 * <p>A browser with a session (staff, a subject signed in to the preference center) keeps its flash attributes
 * there, as before. Any other gets them in a cookie: Java-serialised as in the session, sealed with the data keys
 * (Tink AEAD, so nobody can read, alter or forge one: a cookie that does not open is ignored), {@code HttpOnly},
 * {@code SameSite=Lax}, {@code Secure} and {@code __Host-} over https, and gone after the page that shows them or
 * after the flash timeout (3 minutes). Flash attributes can hold what lets someone act as the subject (the status
 * link's token); no script and no proxy log sees them.
 *
 * <p>What does not fit in a cookie (a long answer typed into the status page and sent back with an error) goes into
 * a session as before.
 */
final class BrowserFlashMaps extends AbstractFlashMapManager {

    private static final Logger log = LoggerFactory.getLogger(BrowserFlashMaps.class);

    static final String SECURE_COOKIE = "__Host-rightsflow-flash";
    static final String PLAIN_COOKIE = "rightsflow-flash";
    /** Spring's own name (SessionFlashMapManager), so flash attributes already in a session still show. */
    private static final String SESSION_ATTRIBUTE =
            "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS";
    /** What this request's flash maps are now, once changed: the request's cookie no longer says. */
    private static final String CURRENT = BrowserFlashMaps.class.getName() + ".CURRENT";
    private static final String CONTEXT = "cookie " + PLAIN_COOKIE;
    /** Browsers keep at least 4096 bytes of name and value; leave room for the name. */
    static final int MOST_COOKIE_CHARACTERS = 3800;

    private final FieldCipher cipher;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer = new DeserializingConverter(BrowserFlashMaps.class.getClassLoader());

    BrowserFlashMaps(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
        List<FlashMap> maps = new ArrayList<>();
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof List<?> kept) {
            kept.stream().filter(FlashMap.class::isInstance).map(FlashMap.class::cast).forEach(maps::add);
        }
        maps.addAll(fromCookie(request));
        return maps.isEmpty() ? null : maps;
    }

    @Override
    protected void updateFlashMaps(List<FlashMap> maps, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(CURRENT, List.copyOf(maps));
        boolean hadCookie = WebUtils.getCookie(request, cookieName(request)) != null;
        HttpSession session = request.getSession(false);
        String sealed = session == null && !maps.isEmpty() ? seal(maps) : null;
        if (session != null || (sealed != null && sealed.length() > MOST_COOKIE_CHARACTERS)) {
            if (maps.isEmpty()) {
                session.removeAttribute(SESSION_ATTRIBUTE);
            } else {
                request.getSession().setAttribute(SESSION_ATTRIBUTE, new ArrayList<>(maps));
            }
            if (hadCookie) {
                writeCookie("", 0, request, response);
            }
        } else if (sealed != null) {
            writeCookie(sealed, getFlashMapTimeout(), request, response);
        } else if (hadCookie) {
            writeCookie("", 0, request, response);
        }
    }

    /** One lock per session, as Spring's; without a session the maps belong to this request alone. */
    @Override
    protected Object getFlashMapsMutex(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : WebUtils.getSessionMutex(session);
    }

    private List<FlashMap> fromCookie(HttpServletRequest request) {
        if (request.getAttribute(CURRENT) instanceof List<?> current) {
            // Changed earlier in this request: the session part is read again above, this is the rest.
            HttpSession session = request.getSession(false);
            return session != null ? List.of() : current.stream().map(FlashMap.class::cast).toList();
        }
        Cookie cookie = WebUtils.getCookie(request, cookieName(request));
        if (cookie == null || cookie.getValue().isEmpty()) {
            return List.of();
        }
        try {
            byte[] plain = cipher.decrypt(Base64.getUrlDecoder().decode(cookie.getValue()), CONTEXT);
            if (deserializer.convert(plain) instanceof List<?> list) {
                return list.stream().filter(FlashMap.class::isInstance).map(FlashMap.class::cast).toList();
            }
        } catch (RuntimeException e) {
            // Altered, from another installation, sealed under a removed key, or a class changed in an upgrade:
            // the notice is not shown, the page works. Never the cookie's content in the log.
            log.info("A flash cookie could not be read and is ignored: {}", e.getClass().getSimpleName());
        }
        return List.of();
    }

    private String seal(List<FlashMap> maps) {
        byte[] plain = serializer.convert(new ArrayList<>(maps));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cipher.encrypt(plain, CONTEXT));
    }

    private static String cookieName(HttpServletRequest request) {
        return request.isSecure() ? SECURE_COOKIE : PLAIN_COOKIE;
    }

    private static void writeCookie(String value, int maxAgeSeconds, HttpServletRequest request,
                                    HttpServletResponse response) {
        ResponseCookie cookie = ResponseCookie.from(cookieName(request), value).path("/").httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").maxAge(maxAgeSeconds).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
