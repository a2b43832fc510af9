package org.rightsflow.request;

/** How a closed request ended. */
public enum RequestOutcome {
    /** Carried out in every system in scope and answered. */
    COMPLETED,
    /** The subject did not confirm the request before the verification link expired. */
    UNVERIFIABLE,
    /** Staff refused the request as a whole, with a ground and the reasons the subject was told. */
    REFUSED,
    /** A duplicate: answered with the earlier open request of the same type it was linked to. */
    ANSWERED_WITH_ORIGINAL
}
