package org.rightsflow.connector;

/** What a connector is asked to do in one system for one request. */
public enum ConnectorAction {
    /** Find and return the subject's data (access, portability). */
    ACCESS,
    /** Dry run of an erasure: count what would be deleted, masked and retained; change nothing. */
    PLAN_ERASURE,
    /** Erase as planned, then read again and report what remains (the proof of erasure). */
    ERASE,
    /** Apply an opt-out of sale/sharing or of direct marketing (CCPA §7026, GDPR Art. 21(2)) to the declared columns or endpoint. */
    OPT_OUT,
    /**
     * Limit the use of sensitive personal information to what the service needs (CCPA §7027) in the declared columns
     * or endpoint.
     */
    LIMIT_USE,
    /** Apply corrections to the declared fields. */
    CORRECT
}
