package org.rightsflow.workflow;

import java.util.List;

/**
 * One page of the open tasks a staff member sees, earliest due date first.
 *
 * @param tasks  at most {@code size} tasks
 * @param number the page, from 1; 1 when there are no tasks
 * @param size   how many tasks a full page holds
 * @param total  how many tasks the person sees in all pages together
 */
public record InboxPage(List<InboxTask> tasks, int number, int size, long total) {

    public InboxPage {
        tasks = List.copyOf(tasks);
    }

    /** At least 1, so that an empty inbox is page 1 of 1. */
    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean isEmpty() {
        return tasks.isEmpty();
    }
}
