package org.rightsflow.notification;

/** The emails Rightsflow writes; each has a template {@code templates/mail/<template>.txt}. */
public enum MailKind {
    ACKNOWLEDGEMENT("acknowledgement", "Acknowledgement"),
    VERIFICATION("verification", "Verification link"),
    UNVERIFIABLE("unverifiable", "Closed: identity not verified"),
    RESPONSE("response", "Response"),
    STAFF_REMINDER("staff-reminder", "Reminder to staff"),
    STAFF_ESCALATION("staff-escalation", "Escalation to privacy officers");

    private final String template;
    private final String label;

    MailKind(String template, String label) {
        this.template = template;
        this.label = label;
    }

    String template() {
        return template;
    }

    public String label() {
        return label;
    }
}
