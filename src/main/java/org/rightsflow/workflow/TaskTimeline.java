package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the life of every user task on its request's timeline. Camunda publishes task events to Spring inside the
 * engine's transaction (camunda.bpm.eventing.task), so an entry exists exactly when the task change commits.
 */
@Component
class TaskTimeline {

    private final Timeline timeline;

    TaskTimeline(Timeline timeline) {
        this.timeline = timeline;
    }

    @EventListener
    void on(DelegateTask task) {
        String reference = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (reference == null) {
            return;
        }
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> timeline.record(reference, Actors.SYSTEM, TimelineKind.TASK_CREATED,
                    "Task \"" + task.getName() + "\" created for group(s) " + groupsOf(task)
                            + (task.getDueDate() == null ? "." : ", due " + task.getDueDate().toInstant() + "."));
            case TaskListener.EVENTNAME_ASSIGNMENT -> timeline.record(reference, actorOr(task.getAssignee()),
                    TimelineKind.TASK_ASSIGNED, task.getAssignee() == null ? "Task \"" + task.getName() + "\" released."
                            : "Task \"" + task.getName() + "\" assigned to " + task.getAssignee() + ".");
            case TaskListener.EVENTNAME_COMPLETE -> timeline.record(reference,
                    actorOr(stringVariable(task, COMPLETED_BY, task.getAssignee())), TimelineKind.TASK_COMPLETED,
                    "Task \"" + task.getName() + "\" completed.");
            default -> {
                // update, delete, timeout: not part of the request's story
            }
        }
    }

    private static String groupsOf(DelegateTask task) {
        return task.getCandidates().stream().filter(link -> link.getGroupId() != null)
                .map(link -> link.getGroupId()).sorted().toList().toString();
    }

    private static String stringVariable(DelegateTask task, String name, String fallback) {
        Object value = task.getVariable(name);
        return value == null ? fallback : value.toString();
    }

    private static String actorOr(String user) {
        return user == null ? Actors.SYSTEM : user;
    }
}
