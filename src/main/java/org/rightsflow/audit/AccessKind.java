package org.rightsflow.audit;

/** What a person looked at or took away, recorded in the {@link AccessLog}. */
public enum AccessKind {
    /** The staff page of a request (the full page, or a system owner's reduced one). */
    REQUEST_PAGE("Request page"),
    /** A task page, the first time this person opened that task. */
    TASK_PAGE("Task page (first view)"),
    /** Rows of a table of an access package, previewed during its review. */
    PACKAGE_PREVIEW("Access package preview"),
    /** An access package downloaded by staff. */
    PACKAGE_DOWNLOAD("Access package download"),
    /** The email addresses of an opt-out batch, downloaded as CSV. */
    OPT_OUT_CSV("Opt-out batch list (CSV)"),
    /** An evidence pack, or another export that carries a request's data. */
    EXPORT("Export"),
    /** The request read through the JSON API. */
    API_READ("API read");

    private final String label;

    AccessKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
