package org.rightsflow.request;

/** The refusal cannot be recorded as asked; the message says why, in words staff can act on. */
public class RefusalRejected extends RuntimeException {

    public RefusalRejected(String why) {
        super(why);
    }
}
