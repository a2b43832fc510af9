package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.DUE_DATE;
import static org.rightsflow.workflow.ProcessModel.Variables.NEXT_REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.OVERDUE_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.REMINDER_RUNG;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.rightsflow.request.ClockPaused;
import org.rightsflow.request.DeadlineMoved;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.workflow.DueDateTimers.Rung;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A request's due date moved (an extension, or the end of a clock pause): every process of the request (the request's own and each system's)
 * gets the new date variables, every pending timer that counts from the due date is moved, every open task gets the
 * new due date, and the subject gets the extension notice. All in the transaction that moved the date.
 *
 * <p>Timers are expressions over process variables, but Camunda evaluates them when the timer is created: a timer
 * already waiting keeps its date unless it is moved here. A reminder that already went out is not sent again for the
 * new date.
 */
@Component
class DeadlineMover {

    /**
     * The timers that count from the due date: the request's ladder (its one timer, for the rung in
     * {@code reminderRung}) and a processor's deadline.
     */
    private static final List<String> TIMERS = List.of(
            ProcessModel.Activities.RUNG_DUE, ProcessModel.Activities.PROCESSOR_OVERDUE);

    /**
     * The four timers of the ladder before it became one (data-subject-request up to exporterVersion 1), by their
     * activity and rung: requests started before the upgrade run on in that version of the model until they close.
     */
    private static final Map<String, Rung> EARLIER_LADDER = Map.of(
            "first-reminder-due", Rung.FIRST_REMINDER, "second-reminder-due", Rung.SECOND_REMINDER,
            "due-day-reminder-due", Rung.DUE_DAY_REMINDER, "overdue", Rung.OVERDUE);

    /** How far a held timer is moved: out of reach of any pause, and still a date the databases store. */
    private static final long HELD_DAYS = 3650;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final DueDateTimers timers;
    private final DeadlineLadder ladder;
    private final RequestDirectory requests;
    private final SubjectMail mail;
    private final Clock clock;

    DeadlineMover(RuntimeService runtime, ManagementService management, TaskService tasks, DueDateTimers timers,
                  DeadlineLadder ladder, RequestDirectory requests, SubjectMail mail, Clock clock) {
        this.clock = clock;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.timers = timers;
        this.ladder = ladder;
        this.requests = requests;
        this.mail = mail;
    }

    @EventListener
    void on(DeadlineMoved moved) {
        RequestDetails request = requests.get(moved.reference());
        Map<String, Object> dates = timers.variablesFor(request.regime(), moved.due());
        for (ProcessInstance instance : instancesOf(moved.reference())) {
            // Only the variables the process holds: a system's process knows dueDate and overdueAt.
            dates.forEach((name, value) -> {
                if (runtime.getVariable(instance.getId(), name) != null) {
                    runtime.setVariable(instance.getId(), name, value);
                }
            });
        }
        moveTimers(moved.reference(), (instance, activity) -> {
            if (EARLIER_LADDER.containsKey(activity)) {
                return ladder.rungAt(request.regime().name(), (Date) dates.get(DUE_DATE), EARLIER_LADDER.get(activity));
            }
            if (!ProcessModel.Activities.RUNG_DUE.equals(activity)) {
                return (Date) dates.get(OVERDUE_AT);
            }
            // The rung waited for stays the same (one that went out is not sent again), at its date for the new due
            // date; the overdue rung starts again from the new first overdue moment.
            Rung rung = Rung.valueOf((String) runtime.getVariable(instance.getId(), REMINDER_RUNG));
            Date at = ladder.rungAt(request.regime().name(), (Date) dates.get(DUE_DATE), rung);
            runtime.setVariable(instance.getId(), NEXT_REMINDER_AT, at);
            return at;
        });
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(moved.reference()).active().list()) {
            if (task.getDueDate() != null) {
                tasks.setDueDate(task.getId(), (Date) dates.get(DUE_DATE));
            }
        }
        if (moved.cause() == DeadlineMoved.Cause.EXTENDED) {
            requests.extension(moved.reference()).ifPresent(extension ->
                    mail.extensionNotice(requests.get(moved.reference()), extension));
        }
    }

    /**
     * The clock stopped: the timers that count from the due date are held (moved out of reach) until the answer
     * moves them to the new dates, so nobody is reminded or alarmed about a date that no longer holds. The subject is
     * told there is a question on their status page.
     */
    @EventListener
    void on(ClockPaused paused) {
        Date held = Date.from(clock.instant().plus(Duration.ofDays(HELD_DAYS)));
        moveTimers(paused.reference(), (instance, activity) -> held);
        mail.clarificationRequest(requests.get(paused.reference()));
    }

    private List<ProcessInstance> instancesOf(String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).active().list();
    }

    /** Every pending timer of the request's processes that counts from the due date, to the date given for it. */
    private void moveTimers(String reference, BiFunction<ProcessInstance, String, Date> dateOf) {
        for (ProcessInstance instance : instancesOf(reference)) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
                String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId();
                if (TIMERS.contains(activity) || EARLIER_LADDER.containsKey(activity)) {
                    management.setJobDuedate(job.getId(), dateOf.apply(instance, activity));
                }
            }
        }
    }
}
