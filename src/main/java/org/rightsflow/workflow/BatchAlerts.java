package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.BATCH_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Execution;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.Outbox;
import org.rightsflow.notification.OutgoingMail;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.OptOutBatches;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.security.StaffRole;
import org.rightsflow.support.PublicLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The privacy officers hear of a batch that is still open three days before its due date, and again when the date
 * has passed: which systems have not applied it yet, and where to look (an incident, or an owner's task).
 */
@Configuration(proxyBeanMethods = false)
class BatchAlerts {

    private final OptOutBatches batches;
    private final RuntimeService runtime;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final Timeline timeline;
    private final PublicLinks links;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    BatchAlerts(OptOutBatches batches, RuntimeService runtime, StaffDirectory staff, Outbox outbox, Timeline timeline,
                PublicLinks links, StatutoryClock statutoryClock, Clock clock) {
        this.batches = batches;
        this.runtime = runtime;
        this.staff = staff;
        this.outbox = outbox;
        this.timeline = timeline;
        this.links = links;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
    }

    @Bean("remindOptOutBatch")
    JavaDelegate remindOptOutBatch() {
        return execution -> alert(execution, false);
    }

    @Bean("escalateOptOutBatch")
    JavaDelegate escalateOptOutBatch() {
        return execution -> alert(execution, true);
    }

    private void alert(DelegateExecution execution, boolean overdue) {
        BatchView batch = batches.get(((Number) execution.getVariable(BATCH_ID)).longValue());
        List<String> open = openSystems(execution.getProcessInstanceId());
        LocalDate today = statutoryClock.dateOf(clock.instant());
        List<StaffMember> officers = staff.withRole(StaffRole.PRIVACY_OFFICER);
        for (StaffMember officer : officers) {
            Map<String, Object> model = new HashMap<>();
            model.put("staffName", officer.displayName());
            model.put("reference", batch.reference());
            model.put("what", batch.purpose().choicesInPlural());
            model.put("size", batch.size());
            model.put("due", batch.dueOn());
            model.put("daysLeft", ChronoUnit.DAYS.between(today, batch.dueOn()));
            model.put("daysOverdue", ChronoUnit.DAYS.between(batch.dueOn(), today));
            model.put("openSystems", open.isEmpty() ? "(finishing now)" : String.join(", ", open));
            model.put("batchUrl", links.staffOptOutBatch(batch.reference()));
            outbox.queue(new OutgoingMail(batch.reference(), overdue ? MailKind.STAFF_BATCH_OVERDUE
                    : MailKind.STAFF_BATCH_REMINDER, officer.email(), model));
        }
        timeline.record(batch.reference(), Actors.SYSTEM, overdue ? TimelineKind.ESCALATED : TimelineKind.REMINDER_SENT,
                (overdue ? "Past its due date " + batch.dueOn() : "Due on " + batch.dueOn()) + " and not yet applied in: "
                        + (open.isEmpty() ? "(finishing now)" : String.join(", ", open)) + "; "
                        + officers.size() + " privacy officer(s) told.");
    }

    /** The systems whose part of the batch is still running: a connector job (perhaps an incident) or a task. */
    private List<String> openSystems(String processInstanceId) {
        List<String> names = new ArrayList<>();
        for (String activity : List.of(ProcessModel.BatchActivities.APPLY_BATCH,
                ProcessModel.BatchActivities.APPLY_BATCH_BY_HAND)) {
            for (Execution execution : runtime.createExecutionQuery().processInstanceId(processInstanceId)
                    .activityId(activity).list()) {
                Object name = runtime.getVariable(execution.getId(), SYSTEM_NAME);
                names.add(name == null ? "a system" : name.toString());
            }
        }
        return names.stream().sorted().toList();
    }
}
