package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.ERASURE_APPROVED;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.REFERENCE;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.correction.CorrectionReview;
import org.rightsflow.correction.Verdict;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.AppealOutcome;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestLifecycle;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestedCorrections;
import org.rightsflow.security.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of the fulfilment tasks in Camunda: listing, claiming, releasing and completing them. Who may see
 * and work on which task is {@link StaffMember}'s rule; the decisions themselves are recorded by the modules that own
 * them (corrections, appeals), and this class only moves the tasks along.
 */
@Service
public class StaffTasks {

    private final TaskService tasks;
    private final Timeline timeline;
    private final CorrectionReview corrections;
    private final ConnectorContexts contexts;
    private final RequestDirectory requests;
    private final RequestLifecycle lifecycle;
    private final Clock clock;
    private final InboxQueries inbox;
    private final RuntimeService runtime;

    StaffTasks(TaskService tasks, Timeline timeline, CorrectionReview corrections,
               ConnectorContexts contexts, RequestDirectory requests, RequestLifecycle lifecycle, Clock clock,
               InboxQueries inbox, RuntimeService runtime) {
        this.runtime = runtime;
        this.inbox = inbox;
        this.lifecycle = lifecycle;
        this.tasks = tasks;
        this.contexts = contexts;
        this.requests = requests;
        this.corrections = corrections;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Page {@code number} (from 1) of the open tasks visible to this person, earliest due date first, {@code size} to
     * a page. Who sees what ({@link StaffMember#maySeeTask}) is part of the query, so every page is full and none
     * overlaps; a view costs the same few statements however many tasks are open ({@link InboxQueries}).
     */
    @Transactional(readOnly = true)
    public InboxPage inboxOf(StaffMember me, int number, int size) {
        return inbox.page(me, number, size);
    }

    /**
     * The open tasks visible to this person that are due within {@code days} calendar days from today or overdue,
     * earliest first: the morning digest's list.
     */
    @Transactional(readOnly = true)
    public List<InboxTask> dueWithin(StaffMember me, int days) {
        // A day more than asked, so that no time zone cuts a task off; the exact calendar-day rule follows.
        java.util.Date before = java.util.Date.from(clock.instant().plus(java.time.Duration.ofDays(days + 2L)));
        return inbox.rows(InboxQueries.byDueDate(inbox.visibleTo(me).dueBefore(before)).list()).stream()
                .filter(task -> task.due() != null && task.daysLeft() <= days).toList();
    }

    /** The open tasks of one request, for its detail page. */
    @Transactional(readOnly = true)
    public List<InboxTask> openTasksOf(String reference) {
        return inbox.rows(active().processInstanceBusinessKey(reference).orderByTaskCreateTime().asc()
                .orderByTaskId().asc().list());
    }

    /** The open tasks of one request (or opt-out batch) that this person sees, earliest due date first. */
    @Transactional(readOnly = true)
    public List<InboxTask> openTasksOf(String reference, StaffMember me) {
        return inbox.rows(InboxQueries.byDueDate(inbox.visibleTo(me).processInstanceBusinessKey(reference)).list());
    }

    /**
     * The requests (by reference) with an open task held by this person, for the requests list's "assignee" filter:
     * of their first {@code limit} tasks, which is more than anyone holds at once. (Opt-out batches' references
     * come along too and match no request.)
     */
    @Transactional(readOnly = true)
    public Set<String> requestsHeldBy(String username, int limit) {
        Set<String> processes = active().taskAssignee(username).orderByTaskId().asc().listPage(0, limit).stream()
                .map(Task::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (processes.isEmpty()) {
            return Set.of();
        }
        // Called processes carry their request's business key (data-subject-request.bpmn), so one lookup answers.
        return runtime.createProcessInstanceQuery().processInstanceIds(processes).list().stream()
                .map(ProcessInstance::getBusinessKey).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * A privacy officer hands every open task of a request to {@code assignee}, whoever held them: the tasks the
     * assignee may see ({@link StaffMember#maySeeTask}: offered to one of their groups, or they oversee every
     * request). Tasks already theirs are left as they are.
     *
     * @return how many tasks changed hands
     * @throws TaskNotAvailable with the reason, for the bulk result page, when the request has no task to hand over
     */
    @Transactional
    public int assignOpenTasks(String reference, StaffMember assignee, StaffMember me) {
        if (!me.overseesAllRequests()) {
            throw new TaskNotAvailable("Only a privacy officer assigns tasks to others.");
        }
        List<Task> open = active().processInstanceBusinessKey(reference).orderByTaskId().asc().list();
        if (open.isEmpty()) {
            throw new TaskNotAvailable("The request has no open task.");
        }
        List<Task> theirs = open.stream()
                .filter(task -> assignee.maySeeTask(null, candidateGroups(task.getId()))).toList();
        if (theirs.isEmpty()) {
            throw new TaskNotAvailable(assignee.username() + " is not in a group the request's tasks are offered to.");
        }
        int moved = 0;
        for (Task task : theirs) {
            if (!assignee.username().equals(task.getAssignee())) {
                tasks.setAssignee(task.getId(), assignee.username());
                moved++;
            }
        }
        if (moved == 0) {
            throw new TaskNotAvailable("Its open tasks are already assigned to " + assignee.username() + ".");
        }
        return moved;
    }

    /** Whether this person sees an open task to apply the opt-out batch {@code reference} by hand. */
    @Transactional(readOnly = true)
    public boolean seesBatchTask(String reference, StaffMember me) {
        return inbox.visibleTo(me).processInstanceBusinessKey(reference)
                .taskDefinitionKey(ProcessModel.BatchActivities.APPLY_BATCH_BY_HAND).count() > 0;
    }

    @Transactional(readOnly = true)
    public InboxTask get(String taskId, StaffMember me) {
        return toInboxTask(visibleTask(taskId, me));
    }

    @Transactional
    public void claim(String taskId, StaffMember me) {
        Task task = visibleTask(taskId, me);
        if (!me.mayWorkOnTask(task.getAssignee())) {
            throw new TaskNotAvailable("This task is already assigned to " + task.getAssignee() + ".");
        }
        if (task.getAssignee() == null) {
            tasks.claim(taskId, me.username());
        }
    }

    @Transactional
    public void release(String taskId, StaffMember me) {
        Task task = visibleTask(taskId, me);
        if (!me.mayReleaseTask(task.getAssignee())) {
            throw new TaskNotAvailable("Only the assignee or a privacy officer can release this task.");
        }
        tasks.setAssignee(taskId, null);
    }

    /**
     * Completes a task with what was done. An unassigned task is claimed on the way; a task assigned to someone
     * else is refused. Saying why something was not done is mandatory.
     *
     * @throws IllegalArgumentException when the outcome is "not done" and the comment does not say why
     */
    @Transactional
    public void complete(String taskId, StaffMember me, SystemOutcome outcome, String comment) {
        Task task = visibleTask(taskId, me);
        boolean batchTask = ProcessModel.BatchActivities.APPLY_BATCH_BY_HAND.equals(task.getTaskDefinitionKey());
        if (!ProcessModel.Activities.FULFIL_TASK.equals(task.getTaskDefinitionKey()) && !batchTask) {
            throw new TaskNotAvailable("This task is decided on its own form, not completed with an outcome.");
        }
        requireNotHeldByOthers(task, me);
        String summary = comment == null ? "" : comment.strip();
        if (outcome == SystemOutcome.NOT_DONE && summary.isEmpty()) {
            throw new IllegalArgumentException("Say why the request was not carried out in this system");
        }
        // The person asked why a machine decided about them and for a person to look again: the answer is these
        // words, so a review without them would answer nothing (docs/legal-rules.md#decision-review).
        if (outcome == SystemOutcome.DONE && summary.isEmpty() && !batchTask
                && RequestType.DECISION_REVIEW.name().equals(tasks.getVariable(taskId, REQUEST_TYPE))) {
            throw new IllegalArgumentException("Write the main reasons for the decision and what your review found: "
                    + "the person reads it in our answer");
        }
        if (task.getAssignee() == null) {
            tasks.claim(taskId, me.username());
        }
        if (!summary.isEmpty()) {
            tasks.createComment(taskId, task.getProcessInstanceId(), summary);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(OUTCOME, outcome.name());
        variables.put(RESULT_SUMMARY, summary);
        variables.put(COMPLETED_BY, me.username());
        if (batchTask) {
            // A batch has no "record the result" step of its own: its timeline takes the owner's word here.
            timeline.record((String) tasks.getVariable(taskId, REFERENCE), me.username(), TimelineKind.SYSTEM_COMPLETED,
                    tasks.getVariable(taskId, SYSTEM_NAME) + ": " + outcome.label()
                            + (summary.isEmpty() ? "" : " — " + summary));
        }
        tasks.complete(taskId, variables);
    }

    /**
     * Approves the erasure planned by the dry run, or refuses it with a reason (recorded as the system's outcome:
     * nothing erased). The refusal reason is mandatory: it goes into the answer to the subject.
     *
     * @throws IllegalArgumentException when the erasure is refused without a reason
     */
    @Transactional
    public void decideErasure(String taskId, StaffMember me, boolean approve, String reason) {
        Task task = visibleTask(taskId, me);
        if (!ProcessModel.Activities.APPROVE_ERASURE.equals(task.getTaskDefinitionKey())) {
            throw new TaskNotAvailable("This task is not an erasure approval.");
        }
        requireNotHeldByOthers(task, me);
        String why = reason == null ? "" : reason.strip();
        if (!approve && why.isEmpty()) {
            throw new IllegalArgumentException("Say why the data must not be erased in this system");
        }
        if (task.getAssignee() == null) {
            tasks.claim(taskId, me.username());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ERASURE_APPROVED, approve);
        if (!approve) {
            variables.put(OUTCOME, SystemOutcome.NOT_DONE.name());
            variables.put(RESULT_SUMMARY, "Not erased: " + why);
            variables.put(COMPLETED_BY, me.username());
        }
        String reference = (String) tasks.getVariable(taskId, REFERENCE);
        timeline.record(reference, me.username(), TimelineKind.ERASURE_DECIDED, task.getName() + ": "
                + (approve ? "approved after the dry run." : "refused: " + why));
        tasks.complete(taskId, variables);
    }

    /**
     * Records the review of a correction claim (see {@link CorrectionReview#decide}) and completes the task. Only
     * privacy officers decide: the claim is checked against other data before anything changes in a system.
     */
    @Transactional
    public void decideCorrection(String taskId, StaffMember me, List<Verdict> verdicts, String howChecked) {
        Task task = visibleTask(taskId, me);
        if (!ProcessModel.Activities.REVIEW_CORRECTION.equals(task.getTaskDefinitionKey())) {
            throw new TaskNotAvailable("This task is not the review of a correction claim.");
        }
        if (!me.overseesAllRequests()) {
            throw new TaskNotAvailable("Only a privacy officer reviews a correction claim.");
        }
        requireNotHeldByOthers(task, me);
        String reference = (String) tasks.getVariable(taskId, REFERENCE);
        corrections.decide(reference, verdicts, howChecked, me.username());
        if (task.getAssignee() == null) {
            tasks.claim(taskId, me.username());
        }
        tasks.complete(taskId);
    }

    /**
     * Releases an access package after the review: the exclusions recorded so far apply, and the package is
     * assembled and sealed next. Only privacy officers release.
     */
    @Transactional
    public void releasePackage(String taskId, StaffMember me) {
        Task task = visibleTask(taskId, me);
        if (!ProcessModel.Activities.REVIEW_PACKAGE.equals(task.getTaskDefinitionKey())) {
            throw new TaskNotAvailable("This task is not the review of an access package.");
        }
        requireOfficerHolding(task, me, "Only a privacy officer releases an access package.");
        if (task.getAssignee() == null) {
            tasks.claim(taskId, me.username());
        }
        tasks.complete(taskId, Map.of(ProcessModel.Variables.PACKAGE_REVIEWED_BY, me.username()));
    }

    /**
     * Decides the subject's appeal. Only a privacy officer, and never one who took the decision appealed against
     * (checked where the appeal is decided, {@link RequestLifecycle#decideAppeal}).
     */
    @Transactional
    public void decideAppeal(String taskId, StaffMember me, AppealOutcome outcome, String explanation) {
        Task task = visibleTask(taskId, me);
        if (!ProcessModel.AppealActivities.DECIDE_APPEAL.equals(task.getTaskDefinitionKey())) {
            throw new TaskNotAvailable("This task is not the decision on an appeal.");
        }
        requireOfficerHolding(task, me, "Only a privacy officer decides an appeal.");
        String reference = (String) tasks.getVariable(taskId, REFERENCE);
        if (task.getAssignee() == null) {
            tasks.claim(taskId, me.username());
        }
        lifecycle.decideAppeal(reference, outcome, explanation, me.username());
        tasks.complete(taskId);
    }

    /**
     * Checks that a privacy officer may act on the review task: an officer, and the task not held by someone else.
     *
     * @throws TaskNotAvailable otherwise
     */
    public void requireReviewer(String taskId, StaffMember me) {
        Task task = visibleTask(taskId, me);
        requireOfficerHolding(task, me, "Only a privacy officer reviews an access package.");
    }

    private static void requireOfficerHolding(Task task, StaffMember me, String notOfficer) {
        if (!me.overseesAllRequests()) {
            throw new TaskNotAvailable(notOfficer);
        }
        requireNotHeldByOthers(task, me);
    }

    private static void requireNotHeldByOthers(Task task, StaffMember me) {
        if (!me.mayWorkOnTask(task.getAssignee())) {
            throw new TaskNotAvailable("This task is assigned to " + task.getAssignee() + "; claim it first.");
        }
    }

    /** The request a task belongs to, for what the subject wrote in the details. */
    @Transactional(readOnly = true)
    public RequestDetails requestOf(InboxTask task) {
        return requests.get(task.reference());
    }

    /**
     * For a task in a system on a correction request: the accepted corrections to make there, as lines to read
     * ("Last name (last_name): Hopper"). Empty for every other task.
     */
    @Transactional(readOnly = true)
    public List<String> correctionsToApply(InboxTask task) {
        if (task.kind() != InboxTask.Kind.FULFIL || !"CORRECTION".equals(task.requestType()) || task.systemId() == 0) {
            return List.of();
        }
        return RequestedCorrections.lines(contexts.correctionsFor(task.reference(), task.systemId()));
    }

    private TaskQuery active() {
        return tasks.createTaskQuery().active();
    }

    private Task visibleTask(String taskId, StaffMember me) {
        Task task = taskId == null ? null : active().taskId(taskId).singleResult();
        if (task == null || !me.maySeeTask(task.getAssignee(), candidateGroups(task.getId()))) {
            throw new TaskNotAvailable("This task does not exist, is already completed, or is not yours to see.");
        }
        return task;
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
    }

    /** One task with everything its page needs, its variables resolved by the engine across its scopes. */
    private InboxTask toInboxTask(Task task) {
        return inbox.toInboxTask(task, tasks.getVariables(task.getId(), InboxQueries.ROW_VARIABLES),
                candidateGroups(task.getId()));
    }
}
