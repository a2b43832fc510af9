package org.rightsflow.deadline;

/** What the data subject asks for (docs/legal-rules.md#types-gdpr and the rows after it). */
public enum RequestType {
    /** A copy of the data plus the supplementary information (GDPR Art. 15, CCPA right to know). */
    ACCESS,
    /** A machine-readable copy (GDPR Art. 20). */
    PORTABILITY,
    /** Erasure (GDPR Art. 17, CCPA right to delete). */
    DELETION,
    /** Rectification (GDPR Art. 16, CCPA right to correct). */
    CORRECTION,
    /** Opt-out of sale, sharing or targeted advertising; under GDPR the absolute objection to direct marketing (Art. 21(2)-(3)). */
    OPT_OUT,
    /** Limit the use of sensitive personal information (CCPA §7027). */
    LIMIT_SENSITIVE,
    /** Restriction of processing (GDPR Art. 18). */
    RESTRICTION,
    /** Objection to processing other than direct marketing (GDPR Art. 21(1)). */
    OBJECTION,
    /**
     * Question a decision made about the person by automated means alone: learn its main reasons and have a person
     * look at it again (GDPR and UK GDPR Art. 22(3), LGPD Art. 20, KVKK Art. 11(1)(g), the Swiss FADP Art. 21, PIPA
     * Art. 37-2, POPIA s. 71, Minnesota's right to question a profiling decision). docs/legal-rules.md#decision-review
     */
    DECISION_REVIEW;

    /**
     * Whether the subject asks for a copy of their data (GDPR Art. 15 and 20, the CCPA right to know): such a request
     * is answered with an access package. The one place this is decided: the process model asks it through
     * {@code packagePolicy}, and the package settings and the staff inbox ask it here. Every type is named, so a new
     * one does not compile until someone decides.
     */
    public boolean asksForCopy() {
        return switch (this) {
            case ACCESS, PORTABILITY -> true;
            case DELETION, CORRECTION, OPT_OUT, LIMIT_SENSITIVE, RESTRICTION, OBJECTION, DECISION_REVIEW -> false;
        };
    }
}
