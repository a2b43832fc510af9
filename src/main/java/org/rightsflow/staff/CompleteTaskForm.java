package org.rightsflow.staff;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rightsflow.connector.SystemOutcome;

class CompleteTaskForm {

    @NotNull(message = "Choose what happened in this system")
    private SystemOutcome outcome;

    @Size(max = 4000, message = "Keep the comment under 4,000 characters")
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
