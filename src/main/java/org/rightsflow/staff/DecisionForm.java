package org.rightsflow.staff;

import jakarta.validation.constraints.Size;

/** Approve or refuse an erasure after its dry run; a refusal needs a reason. */
class DecisionForm {

    private boolean approve;

    @Size(max = 4000, message = "Keep the reason under 4,000 characters")
    private String reason;

    public boolean isApprove() {
        return approve;
    }

    public void setApprove(boolean approve) {
        this.approve = approve;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
