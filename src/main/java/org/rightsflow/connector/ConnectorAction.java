package org.rightsflow.connector;

/** What a connector is asked to do in one system for one request. */
public enum ConnectorAction {
    /** Find and return the subject's data (access, portability). */
    ACCESS,
    /** Dry run of an erasure: count what would be deleted, masked and retained; change nothing. */
    PLAN_ERASURE,
    /** Erase as planned, then read again and report what remains (the proof of erasure). */
    ERASE,
    /** Apply an opt-out of sale/sharing or a limitation to the declared columns or endpoint. */
    OPT_OUT,
    /** Apply corrections to the declared fields. */
    CORRECT
}
