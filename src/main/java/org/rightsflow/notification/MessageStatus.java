package org.rightsflow.notification;

/** PENDING → SENDING → SENT; a failed attempt goes back to PENDING until the last one, which makes it FAILED. */
public enum MessageStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED
}
