package org.rightsflow.request;

import java.time.Instant;

/** A secure message about a request, as staff and the subject read it on their pages. */
public record MessageView(Instant at, boolean fromSubject, String author, String body) {
}
