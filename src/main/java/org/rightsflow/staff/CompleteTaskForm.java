package org.rightsflow.staff;

import jakarta.validation.constraints.NotNull;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.support.StaffNote;

class CompleteTaskForm {

    @NotNull(message = "Choose what happened in this system")
    private SystemOutcome outcome;

    @StaffNote
    private String comment;

    public SystemOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(SystemOutcome outcome) {
        this.outcome = outcome;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
