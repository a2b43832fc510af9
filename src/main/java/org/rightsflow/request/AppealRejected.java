package org.rightsflow.request;

/** An appeal cannot be lodged or decided as asked; the message says why, in words the reader can act on. */
public class AppealRejected extends RuntimeException {

    private final NoAppeal reason;

    public AppealRejected(String why) {
        this(why, null);
    }

    AppealRejected(String why, NoAppeal reason) {
        super(why);
        this.reason = reason;
    }

    /** Why the subject may not appeal, where that is the cause; null for a mistake in what was written. */
    public NoAppeal reason() {
        return reason;
    }
}
