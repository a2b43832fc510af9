package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** What ICU formatting changes for the bundles' texts: plurals per language, apostrophes as written. */
class IcuMessageSourceTest {

    private final MessageSource messages = MessageBundles.create();
    private final IcuMessageSource test = new IcuMessageSource("icu-test");

    @Test
    void pluralsFollowEachLanguagesRules() {
        assertThat(test.getMessage("days", new Object[] {1}, Locale.ENGLISH)).isEqualTo("1 day left");
        assertThat(test.getMessage("days", new Object[] {2}, Locale.ENGLISH)).isEqualTo("2 days left");
        // French counts 0 and 1 as "one"; English says "0 days".
        assertThat(test.getMessage("days", new Object[] {0}, Locale.FRENCH)).isEqualTo("0 jour restant");
        assertThat(test.getMessage("days", new Object[] {0}, Locale.ENGLISH)).isEqualTo("0 days left");
    }

    @Test
    void anApostropheIsAnApostropheAndATextWithoutArgumentsIsReturnedAsWritten() {
        assertThat(test.getMessage("apostrophe", new Object[] {"DSR-1"}, Locale.ENGLISH))
                .isEqualTo("We can't find DSR-1.");
        assertThat(test.getMessage("braces", null, Locale.ENGLISH)).isEqualTo("Use {0} as written");
    }

    @Test
    void aMissingKeyIsReportedOrFallsBackToTheDefaultAndResolvablesTryTheirCodesInOrder() {
        assertThatThrownBy(() -> test.getMessage("nope", null, Locale.ENGLISH))
                .isInstanceOf(NoSuchMessageException.class);
        assertThat(test.getMessage("nope", null, "fallback {0}", Locale.ENGLISH)).isEqualTo("fallback {0}");
        assertThat(test.getMessage(new DefaultMessageSourceResolvable(new String[] {"nope", "days"},
                new Object[] {3}), Locale.ENGLISH)).isEqualTo("3 days left");
        assertThat(messages.getMessage("portal.languages", null, Locale.ENGLISH)).isEqualTo("Language");
    }
}
