package org.rightsflow.request;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The addresses the portal and the API accept: ones we can really write to, and nothing that could inject a header. */
class EmailAddressTest {

    record Form(@EmailAddress String email) {
    }

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

    /** local part of 64, then a domain of labels (at most 63 each) so that the whole has {@code length} characters. */
    static String addressOfLength(int length) {
        String local = "a".repeat(64);
        String fixed = local + "@" + "b".repeat(63) + "." + "c".repeat(63) + ".";
        String tld = ".com";
        return fixed + "d".repeat(length - fixed.length() - tld.length()) + tld;
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("plain", "jo@example.com"),
                Arguments.of("dots, plus tag and subdomains", "jo.bloggs+dsr@mail.example.co.uk"),
                Arguments.of("apostrophe", "o'brien@example.ie"),
                Arguments.of("hyphenated domain", "jo@my-shop.example"),
                Arguments.of("digits", "12345@123.example"),
                Arguments.of("254 characters, the RFC 5321 maximum", addressOfLength(254)),
                Arguments.of("null: left to @NotBlank", null),
                Arguments.of("blank: left to @NotBlank", "   "));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("255 characters", addressOfLength(255)),
                Arguments.of("no dot in the domain (accepted by @Email)", "a@b"),
                Arguments.of("no domain", "jo@"),
                Arguments.of("no local part", "@example.com"),
                Arguments.of("no @", "jo.example.com"),
                Arguments.of("two @", "jo@@example.com"),
                Arguments.of("space inside", "jo bloggs@example.com"),
                Arguments.of("leading space", " jo@example.com"),
                Arguments.of("CRLF header injection", "jo@example.com\r\nBcc: everyone@example.org"),
                Arguments.of("LF header injection", "jo@example.com\nBcc: everyone@example.org"),
                Arguments.of("trailing CRLF", "jo@example.com\r\n"),
                Arguments.of("trailing LF", "jo@example.com\n"),
                Arguments.of("NUL byte", "jo@example.com\u0000"),
                Arguments.of("tab", "jo\t@example.com"),
                Arguments.of("two addresses", "jo@example.com,eve@example.org"),
                Arguments.of("display name form", "Jo <jo@example.com>"),
                Arguments.of("domain label starting with a hyphen", "jo@-example.com"),
                Arguments.of("empty domain label", "jo@example..com"),
                Arguments.of("domain ending with a dot", "jo@example.com."),
                Arguments.of("domain label of 64 characters", "jo@" + "x".repeat(64) + ".com"),
                Arguments.of("non-ASCII local part", "jö@example.com"),
                Arguments.of("non-ASCII domain", "jo@exämple.com"));
    }

    @ParameterizedTest(name = "accepts {0}")
    @MethodSource("accepted")
    void accepts(String why, String address) {
        assertThat(validator.validate(new Form(address))).isEmpty();
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refused")
    void refuses(String why, String address) {
        assertThat(validator.validate(new Form(address))).isNotEmpty();
    }

    @Test
    void theLengthBoundaryIsExact() {
        assertThat(addressOfLength(254)).hasSize(254);
        assertThat(addressOfLength(255)).hasSize(255);
    }

    @Test
    void aRefusedAddressIsExplainedWithAnExample() {
        Set<ConstraintViolation<Form>> violations = validator.validate(new Form("a@b"));

        assertThat(violations).extracting(ConstraintViolation::getMessage)
                .containsExactly("Enter an email address like name@example.com");
    }
}
