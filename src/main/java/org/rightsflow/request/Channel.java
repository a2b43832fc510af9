package org.rightsflow.request;

/** How the request reached the company (CCPA §7101 asks to record "how made"). */
public enum Channel {
    WEB_FORM,
    API,
    EMAIL,
    POST,
    PHONE,
    IN_PERSON
}
