package org.rightsflow.optout;

/** How a choice reached us; kept in the ledger as evidence. */
public enum SignalSource {
    /** The subject filled in one of the privacy center's opt-out forms. */
    FORM,
    /** A browser's Global Privacy Control signal ({@code Sec-GPC: 1}), on our portal or forwarded by the website. */
    GPC,
    /** The company's own systems forwarded it through the API (e.g. a cookie banner's choice). */
    API,
    /** An authorised agent acted for the subject. */
    AGENT,
    /** A verified subject changed a choice in the preference center. */
    PREFERENCE_CENTER
}
