package org.rightsflow.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.security.StaffRole;
import org.springframework.stereotype.Component;

/** The statutory date passed with work still open: every privacy officer is told. */
@Component("escalateOverdue")
class EscalateOverdue implements JavaDelegate {

    private final TaskService tasks;
    private final RequestDirectory requests;
    private final StaffDirectory staff;
    private final StaffMail mail;
    private final Timeline timeline;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    EscalateOverdue(TaskService tasks, RequestDirectory requests, StaffDirectory staff, StaffMail mail,
                    Timeline timeline, StatutoryClock statutoryClock, Clock clock) {
        this.tasks = tasks;
        this.requests = requests;
        this.staff = staff;
        this.mail = mail;
        this.timeline = timeline;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestDetails request = requests.get(execution.getBusinessKey());
        LocalDate today = statutoryClock.dateOf(clock.instant());
        long daysOverdue = ChronoUnit.DAYS.between(request.due(), today);
        int openTasks = (int) tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).active().count();
        List<StaffMember> officers = staff.withRole(StaffRole.PRIVACY_OFFICER);
        officers.forEach(officer -> mail.escalation(officer, request, daysOverdue, openTasks));
        timeline.record(request.reference(), Actors.SYSTEM, TimelineKind.ESCALATED,
                "Overdue since " + request.due() + " with " + openTasks + " open task(s); escalated to "
                        + officers.size() + " privacy officer(s).");
    }
}
