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

/**
 * Reminds whoever holds an open task of this request: its assignee, or every member of its candidate groups while
 * nobody has claimed it. One email per person and task, stating the days actually left.
 */
@Component("remindAssignees")
class RemindAssignees implements JavaDelegate {

    private final TaskService tasks;
    private final RequestDirectory requests;
    private final StaffDirectory staff;
    private final StaffMail mail;
    private final Timeline timeline;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    RemindAssignees(TaskService tasks, RequestDirectory requests, StaffDirectory staff, StaffMail mail,
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
        long daysLeft = ChronoUnit.DAYS.between(today, request.due());
        int reminded = 0;
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).active().list()) {
            for (StaffMember person : holdersOf(task).values()) {
                mail.reminder(person, request, task.getName(), request.due(), daysLeft);
                reminded++;
            }
        }
        timeline.record(request.reference(), Actors.SYSTEM, TimelineKind.REMINDER_SENT,
                reminded == 0 ? "Reminder due (" + daysLeft + " days left), but no open task has anyone to remind."
                        : "Reminder sent to " + reminded + " staff member(s): " + daysLeft + " days left.");
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
