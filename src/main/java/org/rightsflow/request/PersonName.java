package org.rightsflow.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's name as we may write it back to them: one line, and nothing a mail client turns into a link. Refused:
 * line breaks and other control characters, {@code http}, {@code www.}, {@code ://}, an {@code @}, and any
 * domain-looking token, i.e. a full stop between a letter or digit and two more, or between digits ({@code evil.example},
 * {@code Dr.Smith}, {@code 10.0.0.1}); initials with a space after the full stop ({@code J. R. R. Tolkien},
 * {@code J.R.R. Tolkien}) are fine. Null and blank are left to {@code @NotBlank}, length to {@code @Size}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PersonName.Validator.class)
public @interface PersonName {

    String message() default "Write only your name, on one line, without web or email addresses";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PersonName, String> {

        /** Full stops of several scripts, as mail clients read them in links. */
        private static final Pattern DOMAIN_LIKE = Pattern.compile(
                "[\\p{L}\\p{N}][.\\uFF0E\\u3002\\uFF61](?:[\\p{L}\\p{N}]{2}|\\p{N})");
        private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            return !CONTROL.matcher(value).find() && !lower.contains("http") && !lower.contains("www.")
                    && !lower.contains("://") && !lower.contains("@") && !DOMAIN_LIKE.matcher(value).find();
        }
    }
}
