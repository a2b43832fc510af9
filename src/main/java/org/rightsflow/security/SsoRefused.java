package org.rightsflow.security;

/** A single sign-on refused by Rightsflow's rules (not by the provider). */
class SsoRefused extends RuntimeException {

    private final SsoRefusal refusal;

    SsoRefused(SsoRefusal refusal) {
        super(refusal.code());
        this.refusal = refusal;
    }

    SsoRefusal refusal() {
        return refusal;
    }
}
