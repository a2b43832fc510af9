package org.rightsflow.support;

import java.io.IOException;

/**
 * A sealed file cannot be read as a complete, authentic file: it was altered, truncated, reordered or extended, it
 * is not a sealed file (of this id) at all, or the data key it was sealed under is no longer configured. Distinct
 * from a missing file ({@link java.nio.file.NoSuchFileException}) and from failures while writing, so callers can
 * report damage as damage. Messages name the file id only, never content.
 */
public class SealedFileException extends IOException {

    public SealedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
