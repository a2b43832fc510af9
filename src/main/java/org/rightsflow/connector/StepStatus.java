package org.rightsflow.connector;

/** How one step in one system ended. */
public enum StepStatus {
    /** Done, with its counts. */
    SUCCEEDED,
    /** The system accepted the work and will answer by callback. */
    AWAITING_CALLBACK,
    /** Failed; the process retries it, then raises an incident. */
    FAILED
}
