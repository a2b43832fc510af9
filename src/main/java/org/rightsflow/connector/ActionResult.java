package org.rightsflow.connector;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one action in one system.
 *
 * @param status    DONE, or AWAITING_CALLBACK when the system accepted the work and will post its result later
 * @param tables    per table or collection, what was found and done; for ERASE, the state after the re-read
 * @param remaining for ERASE: what the re-read still found, per table (rows or fields kept, with their reason);
 *                  empty when nothing of the subject remains
 * @param data      for ACCESS: the subject's records per table (column → value); empty otherwise. Personal data:
 *                  stored encrypted, never logged
 * @param summary   one plain sentence for staff and for the answer to the subject
 */
public record ActionResult(ConnectorAction action, Status status, List<TableReport> tables, List<TableReport> remaining,
                           Map<String, List<Map<String, Object>>> data, String summary) {

    public enum Status { DONE, AWAITING_CALLBACK }

    public ActionResult {
        tables = tables == null ? List.of() : List.copyOf(tables);
        remaining = remaining == null ? List.of() : List.copyOf(remaining);
        data = data == null ? Map.of() : data;
    }

    public static ActionResult awaitingCallback(ConnectorAction action, String summary) {
        return new ActionResult(action, Status.AWAITING_CALLBACK, List.of(), List.of(), Map.of(), summary);
    }

    public int rowsFound() {
        return tables.stream().mapToInt(TableReport::rowsFound).sum();
    }

    @Override
    public String toString() {
        return "ActionResult[" + action + ", " + status + ", " + tables.size() + " tables]";
    }
}
