package org.rightsflow.optout;

import org.rightsflow.deadline.RequestType;

/** What a subject opts out of (or back into): each purpose is one of the rights the law names. */
public enum Purpose {
    /** Sale and sharing of personal information, including cross-context behavioural advertising (CCPA §7026). */
    SALE_SHARING(RequestType.OPT_OUT, "opt-outs of sale and sharing"),
    /** Use of sensitive personal information beyond what the service needs (CCPA §7027). */
    SENSITIVE_USE(RequestType.LIMIT_SENSITIVE, "limits on the use of sensitive data");

    private final RequestType requestType;
    private final String choicesInPlural;

    Purpose(RequestType requestType, String choicesInPlural) {
        this.requestType = requestType;
        this.choicesInPlural = choicesInPlural;
    }

    /** What a batch of this purpose carries, for staff: "opt-outs of sale and sharing". */
    public String choicesInPlural() {
        return choicesInPlural;
    }

    /** The request type whose statutory clock and system scope apply to this purpose. */
    public RequestType requestType() {
        return requestType;
    }
}
