package org.rightsflow.notification;

/** The emails Rightsflow writes; each has a template {@code templates/mail/<template>.txt}. */
public enum MailKind {
    ACKNOWLEDGEMENT("acknowledgement", "Acknowledgement"),
    VERIFICATION("verification", "Verification link"),
    UNVERIFIABLE("unverifiable", "Closed: identity not verified"),
    EXTENSION_NOTICE("extension-notice", "Extension notice"),
    CLARIFICATION_REQUEST("clarification-request", "Question to the subject"),
    REFUSAL("refusal", "Refusal"),
    DUPLICATE_NOTICE("duplicate-notice", "Linked to an earlier request"),
    APPEAL_RECEIVED("appeal-received", "Appeal received"),
    APPEAL_DECISION("appeal-decision", "Appeal decision"),
    STAFF_APPEAL_OVERDUE("staff-appeal-overdue", "Appeal overdue"),
    STAFF_DIGEST("staff-digest", "Tasks due this week"),
    RESPONSE("response", "Response"),
    DOWNLOAD_CODE("download-code", "Download code"),
    STAFF_REMINDER("staff-reminder", "Reminder to staff"),
    STAFF_ESCALATION("staff-escalation", "Escalation to privacy officers"),
    PROCESSOR_REQUEST("processor-request", "Request to a processor"),
    PROCESSOR_REMINDER("processor-reminder", "Reminder to a processor"),
    STAFF_CALLBACK_LATE("staff-callback-late", "System has not called back"),
    STAFF_PROCESSOR_OVERDUE("staff-processor-overdue", "Processor overdue"),
    STAFF_BATCH_REMINDER("staff-batch-reminder", "Opt-out batch due soon"),
    STAFF_BATCH_OVERDUE("staff-batch-overdue", "Opt-out batch overdue"),
    OPT_OUT_CONFIRMATION("opt-out-confirmation", "Opt-out confirmation"),
    PREFERENCES_LINK("preferences-link", "Preference center link"),
    STAFF_SET_PASSWORD("staff-set-password", "Set-password link to staff");

    private final String template;
    private final String label;

    MailKind(String template, String label) {
        this.template = template;
        this.label = label;
    }

    public String template() {
        return template;
    }

    public String label() {
        return label;
    }
}
