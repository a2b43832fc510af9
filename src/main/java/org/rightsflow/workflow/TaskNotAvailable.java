package org.rightsflow.workflow;

/** The task does not exist, is finished, or is not visible to this staff member. The message is safe to show. */
public class TaskNotAvailable extends RuntimeException {

    public TaskNotAvailable(String message) {
        super(message);
    }
}
