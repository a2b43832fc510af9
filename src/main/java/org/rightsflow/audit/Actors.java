package org.rightsflow.audit;

/** Names recorded as the actor of timeline entries that no staff member caused. */
public final class Actors {

    /** The engine itself: a process step, a timer, the mail dispatcher. */
    public static final String SYSTEM = "Rightsflow";

    /** The person the request is about (or their agent), acting through the portal or a link. */
    public static final String SUBJECT = "Data subject";

    private Actors() {
    }

    /** The actor for a request made through the JSON API with an API key. */
    public static String api(String keyName) {
        return "API (" + keyName + ")";
    }
}
