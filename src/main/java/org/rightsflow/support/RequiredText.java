package org.rightsflow.support;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text that must be written and not blank. Its two parts report on their own, so an absent value reads
 * "required but missing" and a blank one "expected non-empty text".
 */
@Documented
@Constraint(validatedBy = {})
@NotNull(message = YamlTree.REQUIRED)
@Text
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface RequiredText {

    String message() default YamlTree.REQUIRED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
