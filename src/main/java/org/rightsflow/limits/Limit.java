package org.rightsflow.limits;

/**
 * Each door a limit guards. Its budgets (per client address, per subject address, per API key) are configured under
 * {@code rightsflow.limits.<door>} ({@link LimitsProperties}); the text says, on the 429 page, what was not done.
 */
public enum Limit {

    REQUEST_FORM("Your request was not sent"),
    OPT_OUT_FORM("Your opt-out was not recorded"),
    PREFERENCE_LINK("No link was sent"),
    /** Pages behind an emailed secret link: verification, preference center, processor confirmation. */
    SECRET_LINK("This link was not checked"),
    STATUS_PAGE("The status page was not opened"),
    DOWNLOAD_CODE("No download code was sent"),
    CODE_ENTRY("The code was not checked"),
    STAFF_LOGIN("You were not signed in"),
    API_KEY_FAILURES("The API key was not checked"),
    API_SUBMISSIONS("The request was not submitted");

    private final String notDone;

    Limit(String notDone) {
        this.notDone = notDone;
    }

    /** What the refused attempt did not do, for the person who made it. */
    public String notDone() {
        return notDone;
    }
}
