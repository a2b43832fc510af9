package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class StaffNoteTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    record Note(@StaffNote String text) {
    }

    @Test
    void takesNoteUpToTheLimit() {
        assertThat(validator.validate(new Note("x".repeat(StaffNote.MAX_LENGTH)))).isEmpty();
        assertThat(validator.validate(new Note(null))).isEmpty();
    }

    @Test
    void refusesALongerNoteWithOneMessageSayingTheLimit() {
        assertThat(validator.validate(new Note("x".repeat(StaffNote.MAX_LENGTH + 1))))
                .extracting(ConstraintViolation::getMessage).containsExactly("Keep this under 2,000 characters");
    }
}
