package org.rightsflow.request;

/** The law does not allow extending this request now; the message says why, in words staff can act on. */
public class ExtensionRefused extends RuntimeException {

    public ExtensionRefused(String why) {
        super(why);
    }
}
