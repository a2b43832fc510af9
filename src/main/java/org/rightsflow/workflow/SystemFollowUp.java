package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.CONNECTOR_ACTION;
import static org.rightsflow.workflow.ProcessModel.Variables.OWNER_GROUP;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rightsflow.connector.CallbackPurpose;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ProcessorEmailSettings;
import org.rightsflow.connector.SystemCallbacks;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.MailSecret;
import org.rightsflow.notification.OutgoingMail;
import org.rightsflow.notification.Outbox;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestTexts;
import org.rightsflow.request.RequestedCorrections;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.security.StaffRole;
import org.springframework.stereotype.Component;
import org.rightsflow.support.PublicLinks;

/**
 * The emails around systems that answer later: the request to a processor and its reminders (each with a fresh
 * one-time confirmation link), and the notes to staff when a system or processor is late.
 */
@Component
class SystemFollowUp {

    private final SystemRegistry systems;
    private final SystemCallbacks callbacks;
    private final RequestDirectory requests;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final PublicLinks links;
    private final ConnectorContexts contexts;

    SystemFollowUp(SystemRegistry systems, SystemCallbacks callbacks, RequestDirectory requests, StaffDirectory staff,
                   Outbox outbox, PublicLinks links, ConnectorContexts contexts) {
        this.contexts = contexts;
        this.systems = systems;
        this.callbacks = callbacks;
        this.requests = requests;
        this.staff = staff;
        this.outbox = outbox;
        this.links = links;
    }

    /** Writes to the processor with a link to confirm; returns the processor's address. */
    String emailProcessor(DelegateExecution execution, MailKind kind) {
        String reference = execution.getBusinessKey();
        long systemId = systemId(execution);
        ProcessorEmailSettings settings = ProcessorEmailSettings.from(systems.definition(systemId).connection());
        RequestDetails request = requests.get(reference);
        ConnectorAction action = Routes.actionFor(request.type()).orElse(ConnectorAction.ACCESS);
        String token = callbacks.open(reference, systemId, action, CallbackPurpose.PROCESSOR_CONFIRMATION,
                execution.getProcessInstanceId());
        Map<String, Object> model = new HashMap<>();
        model.put("request", request);
        model.put("processorName", settings.contactName());
        model.put("typeLabel", RequestTexts.typeLabel(request.type()));
        model.put("confirmUrl", MailSecret.processorConfirmationLink(links.processorConfirmation(token)));
        model.put("systemName", execution.getVariable(SYSTEM_NAME));
        // A correction tells the processor what to change (GDPR Art. 19): the accepted fields it holds.
        model.put("corrections", RequestedCorrections.lines(contexts.correctionsFor(reference, systemId)));
        outbox.queue(new OutgoingMail(reference, kind, settings.email(), model));
        return settings.email();
    }

    /** Tells the owner group that a system has not called back; returns how many were told. */
    int callbackLate(DelegateExecution execution, Date since) {
        List<StaffMember> owners = staff.membersOf((String) execution.getVariable(OWNER_GROUP));
        owners.forEach(owner -> staffMail(execution, MailKind.STAFF_CALLBACK_LATE, owner, Map.of("since", since)));
        return owners.size();
    }

    /** Tells every privacy officer that a processor has not confirmed by the due date; returns how many were told. */
    int processorOverdue(DelegateExecution execution) {
        List<StaffMember> officers = staff.withRole(StaffRole.PRIVACY_OFFICER);
        officers.forEach(officer -> staffMail(execution, MailKind.STAFF_PROCESSOR_OVERDUE, officer, Map.of()));
        return officers.size();
    }

    private void staffMail(DelegateExecution execution, MailKind kind, StaffMember to, Map<String, Object> extra) {
        String reference = execution.getBusinessKey();
        RequestDetails request = requests.get(reference);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("staffName", to.displayName());
        model.put("reference", reference);
        model.put("typeLabel", RequestTexts.typeLabel(request.type()));
        model.put("systemName", execution.getVariable(SYSTEM_NAME));
        model.put("action", String.valueOf(execution.getVariable(CONNECTOR_ACTION)));
        model.put("requestDue", request.due());
        model.put("requestUrl", links.staffRequest(reference));
        outbox.queue(new OutgoingMail(reference, kind, to.email(), model));
    }

    private static long systemId(DelegateExecution execution) {
        return ((Number) execution.getVariable(SYSTEM_ID)).longValue();
    }
}
