package org.rightsflow.request;

/**
 * Why a subject cannot appeal the decision on their request. A code, so the status page says it in the subject's
 * language; {@link #english} is what staff and the logs read.
 */
public enum NoAppeal {
    /** The request's law gives no appeal to the company (GDPR: the remedies are the authority and the courts). */
    NOT_UNDER_THIS_LAW,
    NO_DECISION_YET,
    NOTHING_REFUSED,
    ALREADY_APPEALED;

    String english(String lawName) {
        return switch (this) {
            case NOT_UNDER_THIS_LAW -> lawName + " gives no appeal to us; see the remedies in our email.";
            case NO_DECISION_YET -> "There is no decision to appeal yet.";
            case NOTHING_REFUSED -> "We carried out your request in full: there is no refusal to appeal.";
            case ALREADY_APPEALED -> "You have appealed this decision already.";
        };
    }
}
