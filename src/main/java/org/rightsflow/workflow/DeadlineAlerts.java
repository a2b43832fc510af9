package org.rightsflow.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.security.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alerts the timers of a request's statutory date raise: the reminders before it ({@code remindAssignees}) and
 * the escalation once it passed with work still open ({@code escalateOverdue}). Both count the days from today in the
 * statutory clock's zone to the request's due date.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineAlerts {

    private final TaskService tasks;
    private final RequestDirectory requests;
    private final StaffDirectory staff;
    private final StaffMail mail;
    private final Timeline timeline;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    DeadlineAlerts(TaskService tasks, RequestDirectory requests, StaffDirectory staff, StaffMail mail,
                   Timeline timeline, StatutoryClock statutoryClock, Clock clock) {
        this.tasks = tasks;
        this.requests = requests;
        this.staff = staff;
        this.mail = mail;
        this.timeline = timeline;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
    }

    /**
     * Reminds whoever holds an open task of the request: its assignee, or every member of its candidate groups while
     * nobody has claimed it. One email per person and task, stating the days actually left.
     */
    @Bean("remindAssignees")
    JavaDelegate remindAssignees() {
        return execution -> {
            RequestDetails request = requestOf(execution);
            long daysLeft = daysLeft(request);
            int reminded = 0;
            for (Task task : openTasks(request).list()) {
                for (StaffMember person : holdersOf(task).values()) {
                    mail.reminder(person, request, task.getName(), request.due(), daysLeft);
                    reminded++;
                }
            }
            timeline.record(request.reference(), Actors.SYSTEM, TimelineKind.REMINDER_SENT,
                    reminded == 0 ? "Reminder due (" + daysLeft + " days left), but no open task has anyone to remind."
                            : "Reminder sent to " + reminded + " staff member(s): " + daysLeft + " days left.");
        };
    }

    /** The statutory date passed with work still open: every privacy officer is told. */
    @Bean("escalateOverdue")
    JavaDelegate escalateOverdue() {
        return execution -> {
            RequestDetails request = requestOf(execution);
            long daysOverdue = -daysLeft(request);
            int openTasks = (int) openTasks(request).count();
            List<StaffMember> officers = staff.withRole(StaffRole.PRIVACY_OFFICER);
            officers.forEach(officer -> mail.escalation(officer, request, daysOverdue, openTasks));
            timeline.record(request.reference(), Actors.SYSTEM, TimelineKind.ESCALATED,
                    "Overdue since " + request.due() + " with " + openTasks + " open task(s); escalated to "
                            + officers.size() + " privacy officer(s).");
        };
    }

    private RequestDetails requestOf(DelegateExecution execution) {
        return requests.get(execution.getBusinessKey());
    }

    /** Calendar days from today to the request's due date; negative once it has passed. */
    private long daysLeft(RequestDetails request) {
        LocalDate today = statutoryClock.dateOf(clock.instant());
        return ChronoUnit.DAYS.between(today, request.due());
    }

    private TaskQuery openTasks(RequestDetails request) {
        return tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).active();
    }

    private Map<String, StaffMember> holdersOf(Task task) {
        Map<String, StaffMember> people = new LinkedHashMap<>();
        if (task.getAssignee() != null) {
            staff.find(task.getAssignee()).ifPresent(p -> people.put(p.username(), p));
            return people;
        }
        List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                staff.membersOf(link.getGroupId()).forEach(p -> people.putIfAbsent(p.username(), p));
                if (ProcessModel.PRIVACY_OFFICERS_GROUP.equals(link.getGroupId())) {
                    staff.withRole(StaffRole.PRIVACY_OFFICER).forEach(p -> people.putIfAbsent(p.username(), p));
                }
            }
        }
        return people;
    }
}
