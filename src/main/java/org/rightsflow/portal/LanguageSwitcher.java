package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.rightsflow.support.Languages;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of the language switcher on every public page: the same page in each language, named in that language
 * ("Deutsch", not "German"), the current one marked. A page shown after a form was posted links to the privacy
 * center's start instead, since the form's address cannot be opened again.
 */
@ControllerAdvice(basePackageClasses = LanguageSwitcher.class)
class LanguageSwitcher {

    record LanguageLink(String tag, String name, String href, boolean current) {
    }

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request, Locale locale) {
        String page = "GET".equals(request.getMethod()) ? request.getRequestURI() : request.getContextPath() + "/";
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return Languages.SUPPORTED.stream().map(language -> new LanguageLink(language.toLanguageTag(),
                nameOf(language), href(page, query, language), language.equals(Languages.closest(locale)))).toList();
    }

    private static String href(String page, String query, Locale language) {
        try {
            return UriComponentsBuilder.fromUriString(page + (query == null ? "" : "?" + query))
                    .replaceQueryParam(PortalLanguages.PARAMETER, language.toLanguageTag()).build(true).toUriString();
        } catch (IllegalArgumentException badlyEncodedQuery) {
            // A hand-made address the page itself ignored: the switcher drops its query rather than fail the page.
            return page + "?" + PortalLanguages.PARAMETER + "=" + language.toLanguageTag();
        }
    }

    private static String nameOf(Locale language) {
        String name = language.getDisplayName(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
