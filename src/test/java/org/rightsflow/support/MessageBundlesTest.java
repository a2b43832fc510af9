package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text a subject reads exists in every language, with the same placeholders, and parses as an ICU message.
 * A missing translation would quietly show English; a placeholder lost in translation would drop a date or a
 * reference from a sentence.
 */
class MessageBundlesTest {

    static Stream<Arguments> familiesAndLanguages() {
        return MessageBundles.SUBJECT_FAMILIES.stream().flatMap(family -> Languages.SUPPORTED.stream()
                .filter(language -> !language.equals(Languages.ENGLISH))
                .map(language -> Arguments.of(family, language.toLanguageTag())));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("familiesAndLanguages")
    void everyKeyIsTranslatedWithTheSamePlaceholders(String family, String tag) throws IOException {
        Properties english = load(family + ".properties");
        String file = family + "_" + Locale.forLanguageTag(tag).toString() + ".properties";
        Properties translated = load(file);
        assertThat(translated).as(file + " must exist").isNotNull();

        Set<String> missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(translated.stringPropertyNames());
        Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
        extra.removeAll(english.stringPropertyNames());
        List<String> differing = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            if (text == null) {
                continue;
            }
            if (text.isBlank()) {
                differing.add(key + " is empty");
            } else if (!arguments(english.getProperty(key)).equals(arguments(text))) {
                differing.add(key + ": " + arguments(english.getProperty(key)) + " in English, "
                        + arguments(text) + " in " + tag);
            }
        }
        assertThat(missing).as("keys of %s missing in %s", family, file).isEmpty();
        assertThat(extra).as("keys of %s that English does not have", file).isEmpty();
        assertThat(differing).as("placeholders of %s", file).isEmpty();
    }

    @Test
    void everyTextParsesAsAnIcuMessageAndEveryKeyLivesInOneFamily() throws IOException {
        Map<String, String> familyOf = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String family : Stream.concat(MessageBundles.SUBJECT_FAMILIES.stream(),
                MessageBundles.STAFF_FAMILIES.stream()).toList()) {
            Properties english = load(family + ".properties");
            assertThat(english).as(family + ".properties").isNotNull();
            for (String key : english.stringPropertyNames()) {
                String earlier = familyOf.put(key, family);
                if (earlier != null) {
                    problems.add(key + " is in " + earlier + " and in " + family);
                }
                arguments(english.getProperty(key));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The names or numbers of a message's top-level arguments; a text that does not parse fails the test. */
    private static Set<String> arguments(String text) {
        MessagePattern pattern = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL);
        pattern.parse(text);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME
                    || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(pattern.getSubstring(part));
            }
        }
        return names;
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
