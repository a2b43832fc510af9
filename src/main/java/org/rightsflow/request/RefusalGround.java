package org.rightsflow.request;

/** Why a request is refused as a whole. Refusing one system's part is a system outcome, not a ground. */
public enum RefusalGround {
    /** GDPR Art. 12(5), CCPA §1798.145(h)(3) and the state laws: no genuine request (evidence required). */
    MANIFESTLY_UNFOUNDED,
    /** Excessive, in particular repetitive (GDPR Art. 12(5); evidence required). */
    EXCESSIVE,
    /** The subject's identity could not be verified by the due date (CCPA §7021(b): denied at the deadline). */
    UNVERIFIABLE,
    /** A legal exception covers the whole request (e.g. legal privilege, a conflicting legal obligation). */
    LEGAL_EXCEPTION,
    /**
     * The law of the request gives no right to what was asked (Iowa and Utah give no right to correct, most laws no
     * right to have an automated decision reviewed). Open only to a request whose type that law does not grant; the
     * refusal names the law (docs/legal-rules.md#refused-no-such-right).
     */
    NO_SUCH_RIGHT;

    /** The grounds a refusal must prove with evidence staff record (the controller bears the burden). */
    public boolean needsEvidence() {
        return this == MANIFESTLY_UNFOUNDED || this == EXCESSIVE;
    }

    /** Whether this ground fits a request: "no such right" only where its law does not grant the type asked for. */
    public boolean fits(boolean statutoryRight) {
        return this != NO_SUCH_RIGHT || !statutoryRight;
    }
}
