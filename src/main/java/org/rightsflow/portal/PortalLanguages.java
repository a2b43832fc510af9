package org.rightsflow.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import org.rightsflow.support.Languages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The language of a page (support.Languages lists them). Staff pages, the API and Camunda are English. A public page
 * is in the language the visitor chose with the switcher ({@code ?lang=de}, kept in a cookie that holds nothing but
 * the tag), else the first supported one of the browser's Accept-Language, else English. A request stores the
 * language of the page it was made from; every later message to that subject uses it.
 */
@Configuration(proxyBeanMethods = false)
class PortalLanguages implements WebMvcConfigurer {

    static final String PARAMETER = "lang";
    static final String COOKIE = "rightsflow-language";

    @Bean
    LocaleResolver localeResolver() {
        return new Resolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Switcher());
    }

    /** Whether a path is a staff or machine one, which stays English whatever the browser says. */
    static boolean englishOnly(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/staff") || path.startsWith("/api/") || path.startsWith("/engine-rest")
                || path.startsWith("/camunda") || path.startsWith("/actuator") || path.equals("/login");
    }

    private static final class Resolver implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (englishOnly(request)) {
                return Languages.ENGLISH;
            }
            Locale chosen = Languages.ofTag(request.getParameter(PARAMETER));
            if (chosen != null) {
                return chosen;
            }
            if (request.getCookies() != null) {
                for (Cookie cookie : request.getCookies()) {
                    Locale kept = COOKIE.equals(cookie.getName()) ? Languages.ofTag(cookie.getValue()) : null;
                    if (kept != null) {
                        return kept;
                    }
                }
            }
            if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
                // Tomcat lists them by quality, best first; "de-AT" reads German, "pt-PT" Brazilian Portuguese.
                for (Locale wanted : Collections.list(request.getLocales())) {
                    Locale supported = Languages.ofTag(wanted.toLanguageTag());
                    if (supported != null) {
                        return supported;
                    }
                }
            }
            return Languages.ENGLISH;
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            throw new UnsupportedOperationException("The language is chosen with ?lang= on a public page");
        }
    }

    /** {@code ?lang=} with a supported tag keeps the choice for the next pages; any other value is ignored. */
    private static final class Switcher implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Locale chosen = englishOnly(request) ? null : Languages.ofTag(request.getParameter(PARAMETER));
            if (chosen != null) {
                response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, chosen.toLanguageTag())
                        .path("/").maxAge(Duration.ofDays(365)).httpOnly(true).secure(request.isSecure())
                        .sameSite("Lax").build().toString());
            }
            return true;
        }
    }
}
