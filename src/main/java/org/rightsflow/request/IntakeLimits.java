package org.rightsflow.request;

/** Size limits shared by every intake channel, so the portal and the API accept exactly the same requests. */
public final class IntakeLimits {

    /** Details are free text from the subject: 10 kB is several pages and keeps hostile payloads out. */
    public static final int MAX_DETAILS_BYTES = 10_240;

    /** One line that fits a greeting: long enough for every real name, too short to carry a message. */
    public static final int MAX_NAME_LENGTH = 100;

    public static final int MAX_ACCOUNT_ID_LENGTH = 200;

    private IntakeLimits() {
    }
}
