package org.rightsflow.support;

import java.io.IOException;

/**
 * A sealed file cannot be read as a complete, authentic file: it was altered, truncated, reordered or extended, it
 * is not a sealed file at all, or the data key it names is no longer configured. Distinct from other
 * {@link IOException}s (a full disk, a missing file) so callers can report damage as damage. Messages name the
 * file id and key id only, never content.
 */
public class SealedFileException extends IOException {

    public SealedFileException(String message) {
        super(message);
    }
}
