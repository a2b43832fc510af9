package org.rightsflow.request;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The details limit counts UTF-8 bytes, the space a text really takes: 10 240 bytes of ASCII, of accented letters
 * or of emoji are all accepted, one byte more is refused, whatever the number of characters.
 */
class MaxBytesTest {

    record Details(@MaxBytes(IntakeLimits.MAX_DETAILS_BYTES) String details) {
    }

    private static final int LIMIT = IntakeLimits.MAX_DETAILS_BYTES;
    private static final String E_ACUTE = "é";          // 2 bytes
    private static final String EURO = "€";             // 3 bytes
    private static final String EMOJI = "\uD83D\uDE00";  // 😀, 4 bytes, 2 UTF-16 chars

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("null (optional field)", null),
                Arguments.of("empty", ""),
                Arguments.of("10 240 ASCII characters", "a".repeat(LIMIT)),
                Arguments.of("5 120 two-byte letters", E_ACUTE.repeat(LIMIT / 2)),
                Arguments.of("3 413 three-byte signs and one ASCII character", EURO.repeat(3413) + "a"),
                Arguments.of("2 560 four-byte emoji", EMOJI.repeat(LIMIT / 4)));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("10 241 ASCII characters", "a".repeat(LIMIT + 1)),
                Arguments.of("10 239 ASCII characters and one two-byte letter", "a".repeat(LIMIT - 1) + E_ACUTE),
                Arguments.of("5 120 two-byte letters and one ASCII character", E_ACUTE.repeat(LIMIT / 2) + "a"),
                Arguments.of("3 414 three-byte signs: far fewer characters than the limit", EURO.repeat(3414)),
                Arguments.of("2 560 emoji and one ASCII character", EMOJI.repeat(LIMIT / 4) + "a"));
    }

    @ParameterizedTest(name = "accepts {0}")
    @MethodSource("accepted")
    void accepts(String why, String text) {
        assertThat(text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LIMIT);
        assertThat(validator.validate(new Details(text))).isEmpty();
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refused")
    void refuses(String why, String text) {
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(LIMIT);
        assertThat(validator.validate(new Details(text))).hasSize(1);
    }

    @Test
    void theDefaultMessageStatesTheLimit() {
        assertThat(validator.validate(new Details("a".repeat(LIMIT + 1))))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("Keep this under 10240 bytes (about 10240 characters)");
    }
}
