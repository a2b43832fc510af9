package org.rightsflow.request;

/** How an appeal was decided. */
public enum AppealOutcome {
    /** The original decision is reversed: the request is carried out after all (as a follow-up request). */
    GRANTED,
    /** The original decision stands; the subject is told how to complain to the state attorney general. */
    DENIED
}
