package org.rightsflow.connector;

/** The answer to a delivered callback or confirmation; each state maps to one HTTP status. */
public enum CallbackReceipt {
    /** Accepted and handed to the process (204). */
    ACCEPTED,
    /** No such token (404). */
    UNKNOWN,
    /** The signature does not match, or is too old or too new (401). */
    BAD_SIGNATURE,
    /** Already received once (409). */
    ALREADY_RECEIVED,
    /** The body is not the documented JSON (400). */
    MALFORMED
}
