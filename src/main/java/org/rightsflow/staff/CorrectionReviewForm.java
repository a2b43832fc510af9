package org.rightsflow.staff;

import java.util.ArrayList;
import java.util.List;

/** The review of a correction claim: a verdict per field, and how the claim was checked. */
class CorrectionReviewForm {

    private List<FieldVerdict> verdicts = new ArrayList<>();

    private String howChecked;

    /** One field; {@code accept} stays null until the officer chooses. */
    public static class FieldVerdict {

        private String field;
        private Boolean accept;
        private String reason;

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public Boolean getAccept() {
            return accept;
        }

        public void setAccept(Boolean accept) {
            this.accept = accept;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    public List<FieldVerdict> getVerdicts() {
        return verdicts;
    }

    public void setVerdicts(List<FieldVerdict> verdicts) {
        this.verdicts = verdicts;
    }

    public String getHowChecked() {
        return howChecked;
    }

    public void setHowChecked(String howChecked) {
        this.howChecked = howChecked;
    }
}
