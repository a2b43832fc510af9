package org.rightsflow.request;

/** An appeal cannot be lodged or decided as asked; the message says why, in words the reader can act on. */
public class AppealRejected extends RuntimeException {

    public AppealRejected(String why) {
        super(why);
    }
}
