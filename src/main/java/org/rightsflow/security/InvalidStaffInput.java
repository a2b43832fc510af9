package org.rightsflow.security;

/** A value the administration refuses, with the form field it came from and why, in words for the admin. */
public class InvalidStaffInput extends IllegalArgumentException {

    private final String field;

    public InvalidStaffInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
