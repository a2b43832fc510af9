package org.rightsflow.security;

/**
 * Why a single sign-on did not sign anyone in. The code travels in the OAuth2 error of the failed login
 * ({@link SsoLogin}) and chooses the sentence of the refusal page; it never carries who tried.
 */
enum SsoRefusal {
    /** None of the person's role claim values is mapped to a Rightsflow role. */
    NO_ROLE("rightsflow_no_role", 403),
    /** The account the identity is linked to was deactivated by an admin. */
    DEACTIVATED("rightsflow_deactivated", 403),
    /** A new identity whose user name is taken by an account it is not linked to. */
    USERNAME_TAKEN("rightsflow_username_taken", 403),
    /** A new identity without a usable user name or email address in its claims. */
    INCOMPLETE_CLAIMS("rightsflow_incomplete_claims", 403),
    /**
     * The answer on the callback was not one Rightsflow asked for or could use: an unknown or forged {@code state},
     * a wrong or used {@code code}, an ID token that does not verify, an error from the provider.
     */
    INVALID_RESPONSE("rightsflow_invalid_response", 400);

    private final String code;
    private final int status;

    SsoRefusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    static SsoRefusal ofCode(String code) {
        for (SsoRefusal refusal : values()) {
            if (refusal.code.equals(code)) {
                return refusal;
            }
        }
        return INVALID_RESPONSE;
    }
}
