package org.rightsflow.connector;

import java.util.List;

/** What an import did: the keys of the systems created and of those updated. */
public record ImportReport(List<String> created, List<String> updated) {
}
