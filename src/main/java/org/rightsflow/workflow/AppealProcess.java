package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.FIRST_REMINDER_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.REFERENCE;
import static org.rightsflow.workflow.ProcessModel.Variables.REGIME;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.AppealDecided;
import org.rightsflow.request.AppealLodged;
import org.rightsflow.request.AppealView;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.security.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The appeal against a decision: the process starts when the subject appeals (with the appeal's own statutory date
 * for the task and the timers), the subject is told when to expect the decision and then the decision, and the
 * privacy officers are reminded before the date (the ladder's first reminder) and alerted when it passes.
 */
@Configuration(proxyBeanMethods = false)
class AppealProcess {

    private final RuntimeService runtime;
    private final RequestDirectory requests;
    private final DueDateTimers timers;
    private final SubjectMail subjectMail;
    private final StaffMail staffMail;
    private final StaffDirectory staff;
    private final Timeline timeline;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    AppealProcess(RuntimeService runtime, RequestDirectory requests, DueDateTimers timers, SubjectMail subjectMail,
                  StaffMail staffMail, StaffDirectory staff, Timeline timeline, StatutoryClock statutoryClock,
                  Clock clock) {
        this.runtime = runtime;
        this.requests = requests;
        this.timers = timers;
        this.subjectMail = subjectMail;
        this.staffMail = staffMail;
        this.staff = staff;
        this.timeline = timeline;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
    }

    @EventListener
    void on(AppealLodged lodged) {
        RequestDetails request = requests.get(lodged.reference());
        Map<String, Object> variables = new HashMap<>(timers.variablesFor(lodged.dueOn()));
        variables.put(FIRST_REMINDER_AT, timers.rungAt(null, lodged.dueOn(), DueDateTimers.Rung.FIRST_REMINDER));
        variables.put(REFERENCE, request.reference());
        variables.put(REGIME, request.regime().name());
        variables.put(REQUEST_TYPE, request.type().name());
        runtime.startProcessInstanceByKey(ProcessModel.REQUEST_APPEAL, request.reference(), variables);
        subjectMail.appealReceived(request, requests.appeal(lodged.reference()).orElseThrow());
    }

    @EventListener
    void on(AppealDecided decided) {
        subjectMail.appealDecision(requests.get(decided.reference()),
                requests.appeal(decided.reference()).orElseThrow());
    }

    @Bean("remindAppeal")
    JavaDelegate remindAppeal() {
        return execution -> alert(execution, false);
    }

    @Bean("escalateAppeal")
    JavaDelegate escalateAppeal() {
        return execution -> alert(execution, true);
    }

    private void alert(DelegateExecution execution, boolean overdue) {
        RequestDetails request = requests.get(execution.getBusinessKey());
        AppealView appeal = requests.appeal(request.reference()).orElseThrow();
        LocalDate today = statutoryClock.dateOf(clock.instant());
        for (StaffMember officer : staff.withRole(StaffRole.PRIVACY_OFFICER)) {
            if (overdue) {
                staffMail.appealOverdue(officer, request, appeal.dueOn(), ChronoUnit.DAYS.between(appeal.dueOn(), today));
            } else {
                staffMail.reminder(officer, request, "Decide the appeal", appeal.dueOn(),
                        ChronoUnit.DAYS.between(today, appeal.dueOn()));
            }
        }
        timeline.record(request.reference(), Actors.SYSTEM, overdue ? TimelineKind.ESCALATED : TimelineKind.REMINDER_SENT,
                (overdue ? "The appeal's date " + appeal.dueOn() + " passed undecided" : "The appeal is due on "
                        + appeal.dueOn()) + "; the privacy officers were told.");
    }
}
