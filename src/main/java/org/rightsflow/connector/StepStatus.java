package org.rightsflow.connector;

/** How one step in one system ended. */
public enum StepStatus {
    /**
     * Begun, not finished. While the step runs this is its state; afterwards it marks an attempt the application
     * did not finish (it stopped or crashed during it), which may have changed the system.
     */
    STARTED,
    /** Done, with its counts. */
    SUCCEEDED,
    /** The system accepted the work and will answer by callback. */
    AWAITING_CALLBACK,
    /** Failed; the process retries it, then raises an incident. */
    FAILED
}
