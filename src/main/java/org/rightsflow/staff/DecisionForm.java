package org.rightsflow.staff;

import org.rightsflow.support.StaffNote;

/** Approve or refuse an erasure after its dry run; a refusal needs a reason. */
class DecisionForm {

    private boolean approve;

    @StaffNote
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
