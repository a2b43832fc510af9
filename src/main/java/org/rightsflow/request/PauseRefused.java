package org.rightsflow.request;

/** The clock cannot be paused (or the answer taken) now; the message says why, in words staff or the subject can act on. */
public class PauseRefused extends RuntimeException {

    public PauseRefused(String why) {
        super(why);
    }
}
