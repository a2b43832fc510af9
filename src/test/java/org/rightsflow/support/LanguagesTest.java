package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void aRegionalOrUnknownLanguageReadsTheNearestOneWeSpeak() {
        assertThat(Languages.closest(Locale.forLanguageTag("de-AT"))).isEqualTo(Locale.GERMAN);
        assertThat(Languages.closest(Locale.forLanguageTag("pt-PT"))).isEqualTo(Languages.BRAZILIAN_PORTUGUESE);
        assertThat(Languages.closest(Locale.forLanguageTag("es-MX"))).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(Languages.closest(Locale.forLanguageTag("ja"))).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.closest(null)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aTagNamesALanguageOnlyWhenWeSpeakIt() {
        assertThat(Languages.ofTag("fr-CA")).isEqualTo(Locale.FRENCH);
        assertThat(Languages.ofTag("pt-BR")).isEqualTo(Languages.BRAZILIAN_PORTUGUESE);
        assertThat(Languages.ofTag("zz")).isNull();
        assertThat(Languages.ofTag("<script>")).isNull();
        assertThat(Languages.ofTag("")).isNull();
        assertThat(Languages.ofTag("de".repeat(40))).isNull();
    }
}
