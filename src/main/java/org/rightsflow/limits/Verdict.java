package org.rightsflow.limits;

/** The answer of one look at a limit: let through, or the refusal to throw. */
public record Verdict(LimitExceeded refusal) {

    static final Verdict ALLOWED = new Verdict(null);

    public boolean allowed() {
        return refusal == null;
    }

    /** Carries on when allowed; otherwise throws the refusal, for the 429 answer. */
    public void orThrow() {
        if (refusal != null) {
            throw refusal;
        }
    }
}
