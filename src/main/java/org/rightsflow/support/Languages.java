package org.rightsflow.support;

import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The languages a subject can read Rightsflow in: the privacy center, the status page, every email to a subject and
 * the access package's summary. English is the base of every bundle and the language of staff pages.
 *
 * <p>The one list of them: the locale resolver, the language switcher, the API's {@code language} field and the
 * bundle test all read it.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale BRAZILIAN_PORTUGUESE = Locale.forLanguageTag("pt-BR");

    /** In the order the switcher lists them. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"), BRAZILIAN_PORTUGUESE);

    private Languages() {
    }

    /**
     * The supported language nearest to {@code wanted}: the same language and country, else the same language (any
     * Portuguese reads Brazilian Portuguese), else English.
     */
    public static Locale closest(Locale wanted) {
        if (wanted == null) {
            return ENGLISH;
        }
        for (Locale supported : SUPPORTED) {
            if (supported.getLanguage().equals(wanted.getLanguage())
                    && (supported.getCountry().isEmpty() || supported.getCountry().equals(wanted.getCountry()))) {
                return supported;
            }
        }
        for (Locale supported : SUPPORTED) {
            if (supported.getLanguage().equals(wanted.getLanguage())) {
                return supported;
            }
        }
        return ENGLISH;
    }

    /** The supported language of a BCP 47 tag ("de", "pt-BR"), or null when the tag names none of them. */
    public static Locale ofTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        Locale wanted = Locale.forLanguageTag(tag.strip());
        Locale closest = closest(wanted);
        return closest.getLanguage().equals(wanted.getLanguage()) ? closest : null;
    }

    /**
     * The language of what is being written now: the page's (set by the locale resolver) or the mail's (set while
     * it renders). A thread with no such context (a scheduled job writing to staff) writes English, whatever the
     * server's own locale.
     */
    public static Locale current() {
        return LocaleContextHolder.getLocaleContext() == null ? ENGLISH : closest(LocaleContextHolder.getLocale());
    }
}
