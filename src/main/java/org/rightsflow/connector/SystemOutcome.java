package org.rightsflow.connector;

/** What happened in one system for one request. */
public enum SystemOutcome {
    /** The request was carried out in this system. */
    DONE,
    /** The system holds no data about the subject. */
    NO_DATA_FOUND,
    /** The system keeps data it may not or cannot act on; the summary says why. */
    NOT_DONE;

    /** The outcome in a timeline line: "CRM: not done — legal hold". */
    public String label() {
        return switch (this) {
            case DONE -> "done";
            case NO_DATA_FOUND -> "no data about the subject";
            case NOT_DONE -> "not done";
        };
    }
}
