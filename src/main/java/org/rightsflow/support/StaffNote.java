package org.rightsflow.support;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text staff write for the record: the comment on a task, the reason for a decision or an exclusion, how a
 * claim was checked. One limit for all of them, {@value #MAX_LENGTH} characters: the columns that keep these texts
 * hold that many (correction notes, exclusion and extension reasons), and so does the timeline entry that quotes
 * each of them. Forms check it with this annotation, the staff templates set it as {@code maxlength}, and the
 * services that also take the text from other callers compare with {@link #MAX_LENGTH}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Size(max = StaffNote.MAX_LENGTH)
@ReportAsSingleViolation
public @interface StaffNote {

    int MAX_LENGTH = 2000;

    String message() default "Keep this under 2,000 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
