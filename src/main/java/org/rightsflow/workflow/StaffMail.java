package org.rightsflow.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.OutgoingMail;
import org.rightsflow.notification.Outbox;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.security.StaffMember;
import org.springframework.stereotype.Component;
import org.rightsflow.support.PublicLinks;

/** Writes the reminders and escalations addressed to staff. They carry no personal data of the subject. */
@Component
class StaffMail {

    private final Outbox outbox;
    private final PublicLinks links;

    StaffMail(Outbox outbox, PublicLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    void reminder(StaffMember to, RequestDetails request, String taskName, LocalDate due, long daysLeft) {
        send(to, MailKind.STAFF_REMINDER, request, Map.of("taskName", taskName, "due", due, "daysLeft", daysLeft,
                "inboxUrl", links.staffInbox()));
    }

    void escalation(StaffMember to, RequestDetails request, long daysOverdue, int openTasks) {
        send(to, MailKind.STAFF_ESCALATION, request, Map.of("daysOverdue", daysOverdue, "openTasks", openTasks));
    }

    void appealOverdue(StaffMember to, RequestDetails request, LocalDate appealDue, long daysOverdue) {
        send(to, MailKind.STAFF_APPEAL_OVERDUE, request, Map.of("appealDue", appealDue, "daysOverdue", daysOverdue));
    }

    private void send(StaffMember to, MailKind kind, RequestDetails request, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("staffName", to.displayName());
        model.put("reference", request.reference());
        model.put("requestType", request.type().name());
        model.put("regime", request.regime().lawName());
        model.put("requestDue", request.due());
        model.put("requestUrl", links.staffRequest(request.reference()));
        outbox.queue(new OutgoingMail(request.reference(), kind, to.email(), model));
    }
}
