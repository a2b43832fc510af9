package org.rightsflow.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A fulfilment task as the staff inbox shows it.
 *
 * @param daysLeft calendar days from today to the due date in the clock's zone; negative when overdue
 */
public record InboxTask(String id, String name, String reference, String requestType, String regime, String systemName,
                        String instructions, LocalDate due, long daysLeft, String assignee, List<String> candidateGroups,
                        Instant created) {

    public boolean overdue() {
        return daysLeft < 0;
    }
}
