package org.rightsflow.verification;

/**
 * What a verification link is worth. Unknown and forged links are indistinguishable on purpose: the answer must
 * not tell an attacker whether a token ever existed.
 */
public record LinkCheck(State state, String reference) {

    public enum State { VALID, UNKNOWN, USED, EXPIRED }

    static LinkCheck unknown() {
        return new LinkCheck(State.UNKNOWN, null);
    }
}
