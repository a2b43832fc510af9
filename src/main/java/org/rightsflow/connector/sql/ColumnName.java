package org.rightsflow.connector.sql;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A column name in the mapping, when written: a plain SQL name ({@link Identifiers}), because it goes into the SQL
 * text unquoted. Public only because Bean Validation reads it; the mapping's records are its only users.
 */
@Constraint(validatedBy = {})
@Pattern(regexp = Identifiers.COLUMN_NAME)
@ReportAsSingleViolation
@Target({METHOD, FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ColumnName {

    String message() default Identifiers.NOT_A_COLUMN;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
