package org.rightsflow.support;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Optional text that, when written, is not blank ({@code name: ""} is a mistake, not a name). Bean Validation's own
 * {@code @NotBlank} also refuses an absent value; {@link RequiredText} is for text that must be written.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "(?s).*\\S.*")
@ReportAsSingleViolation
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {

    String message() default "expected non-empty text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
