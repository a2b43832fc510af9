package org.rightsflow.connector;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rightsflow.support.Languages;

/**
 * A text of a system's definition that the data subject reads ("your delivery addresses"), written once or per
 * language: {@code label: your orders} or {@code label: {en: your orders, de: Ihre Bestellungen}}. Read in the
 * request's language; where the definition does not give that language, in English, else in the first language it
 * gives (a company that writes only German labels gets German everywhere rather than nothing).
 */
public record Words(Map<Locale, String> byLanguage) {

    public Words {
        if (byLanguage.isEmpty()) {
            throw new IllegalArgumentException("no text");
        }
        byLanguage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    /** The same text in every language. */
    public static Words of(String text) {
        return new Words(Map.of(Languages.ENGLISH, text));
    }

    public String in(Locale language) {
        Locale wanted = Languages.closest(language);
        String text = byLanguage.get(wanted);
        if (text == null) {
            text = byLanguage.get(Languages.ENGLISH);
        }
        return text != null ? text : byLanguage.values().iterator().next();
    }

    /** The text as the definition's first language writes it: the key by which other entries refer to it. */
    public String first() {
        return byLanguage.values().iterator().next();
    }
}
