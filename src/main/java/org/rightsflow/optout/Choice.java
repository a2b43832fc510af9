package org.rightsflow.optout;

/** A subject's choice for one purpose. Nobody is opted out until they say so, or a GPC signal says it for them. */
public enum Choice {
    OPT_OUT,
    OPT_IN
}
