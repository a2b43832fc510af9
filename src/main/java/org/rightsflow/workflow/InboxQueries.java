package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.ERASURE_PLAN_STEP;
import static org.rightsflow.workflow.ProcessModel.Variables.INSTRUCTIONS;
import static org.rightsflow.workflow.ProcessModel.Variables.REFERENCE;
import static org.rightsflow.workflow.ProcessModel.Variables.REGIME;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.security.StaffMember;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The task queries behind the inbox, whose cost does not grow with the number of open tasks: who sees which task
 * ({@link StaffMember#maySeeTask}) is a condition of the query itself, the database sorts and cuts the page, and
 * the rows of a page are completed with a fixed number of statements (one for their variables, one for their
 * candidate groups) instead of two per task.
 */
@Component
class InboxQueries {

    /** The variables a row carries; {@link #rows} reads them for all the rows at once. */
    static final List<String> ROW_VARIABLES =
            List.of(REFERENCE, REQUEST_TYPE, REGIME, SYSTEM_ID, SYSTEM_NAME, INSTRUCTIONS, ERASURE_PLAN_STEP);

    /** {@link #byDueDate} in SQL, for the inbox's page; index ACT_IDX_TASK_INBOX (migration 22) answers it. */
    private static final String INBOX_ORDER = " order by RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc, RES.ID_ asc";

    /** Ids per IN list: far below every database's limit on bound parameters. */
    private static final int CHUNK = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final NamedParameterJdbcTemplate jdbc;
    private final String identityLinkTable;
    private final String taskTable;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    InboxQueries(ProcessEngine engine, StatutoryClock statutoryClock, Clock clock) {
        this.tasks = engine.getTaskService();
        this.runtime = engine.getRuntimeService();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        DataSource dataSource = configuration.getDataSource();
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        String prefix = configuration.getDatabaseTablePrefix();
        this.identityLinkTable = (prefix == null ? "" : prefix) + "ACT_RU_IDENTITYLINK";
        this.taskTable = (prefix == null ? "" : prefix) + "ACT_RU_TASK";
        this.statutoryClock = statutoryClock;
        this.clock = clock;
    }

    /**
     * The active tasks this person sees, as a query: every task for an officer; else the tasks assigned to them or
     * offered to one of their groups (whoever holds them). The same rule as {@link StaffMember#maySeeTask}.
     */
    TaskQuery visibleTo(StaffMember me) {
        TaskQuery query = tasks.createTaskQuery().active();
        if (me.overseesAllRequests()) {
            return query;
        }
        if (me.groups().isEmpty()) {
            return query.taskAssignee(me.username());
        }
        return query.or()
                .taskAssignee(me.username())
                .taskCandidateGroupIn(List.copyOf(new TreeSet<>(me.groups())))
                .includeAssignedTasks()
                .endOr();
    }

    /**
     * Earliest due date first, then the oldest; the task id makes the order total, so pages never overlap. The
     * inbox's page ({@link #visibleNative}) orders the same way in its SQL.
     */
    static TaskQuery byDueDate(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc();
    }

    /**
     * Page {@code number} (from 1; beyond the last page the last one) of the tasks this person sees: one count, one
     * page of tasks, then {@link #rows}.
     */
    InboxPage page(StaffMember me, int number, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A page holds at least one task");
        }
        long total = visibleNative(me, "select count(*)", "").count();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(number, 1), pages);
        if (total == 0) {
            return new InboxPage(List.of(), 1, size, 0);
        }
        List<Task> found = visibleNative(me, "select RES.*", INBOX_ORDER).listPage((page - 1) * size, size);
        return new InboxPage(rows(found), page, size, total);
    }

    /**
     * {@link #visibleTo} as Camunda's native task query, for the inbox's count and page. Camunda's own task query
     * selects {@code distinct} over every column, so the database sorts every visible task on all of them before it
     * can cut a page (with 10,000 open tasks 28 ms alone and 124 ms under 50 staff, a sort spilling to disk;
     * docs/performance.md). Without the distinct, the page is read in the order of the index ACT_IDX_TASK_INBOX
     * (migration 22) and stops after it. The condition is the same rule as {@link #visibleTo} and
     * {@link StaffMember#maySeeTask}: every active task for an officer; else the tasks assigned to them or offered to
     * one of their groups, whoever holds them (InboxQueriesTest compares the two).
     */
    private NativeTaskQuery visibleNative(StaffMember me, String select, String orderBy) {
        StringBuilder sql = new StringBuilder(select).append(" from ").append(taskTable)
                .append(" RES where RES.SUSPENSION_STATE_ = 1");
        NativeTaskQuery query = tasks.createNativeTaskQuery();
        if (!me.overseesAllRequests()) {
            query.parameter("me", me.username());
            sql.append(" and (RES.ASSIGNEE_ = #{me}");
            List<String> groups = List.copyOf(new TreeSet<>(me.groups()));
            if (!groups.isEmpty()) {
                sql.append(" or exists (select 1 from ").append(identityLinkTable)
                        .append(" L where L.TASK_ID_ = RES.ID_ and L.TYPE_ = 'candidate' and L.GROUP_ID_ in (");
                for (int i = 0; i < groups.size(); i++) {
                    query.parameter("group" + i, groups.get(i));
                    sql.append(i == 0 ? "" : ", ").append("#{group").append(i).append('}');
                }
                sql.append("))");
            }
            sql.append(')');
        }
        return query.sql(sql.append(orderBy).toString());
    }

    /**
     * The inbox rows of these tasks, in their order: their variables in one query (by process instance) and their
     * candidate groups in another, per {@value #CHUNK} tasks.
     *
     * <p>A variable is taken from the task itself, else from the task's execution, else from its process instance:
     * where the models put what a row shows (the request's in every process instance, the system's in the called
     * fulfil-in-system instance or in the batch's per-system scope, on which its task runs).
     */
    List<InboxTask> rows(List<Task> found) {
        List<InboxTask> rows = new ArrayList<>(found.size());
        for (int from = 0; from < found.size(); from += CHUNK) {
            List<Task> chunk = found.subList(from, Math.min(found.size(), from + CHUNK));
            Map<String, List<VariableInstance>> variables = variablesOf(chunk);
            Map<String, List<String>> groups = candidateGroupsOf(chunk);
            for (Task task : chunk) {
                rows.add(toInboxTask(task, resolve(task, variables.getOrDefault(task.getProcessInstanceId(),
                        List.of())), groups.getOrDefault(task.getId(), List.of())));
            }
        }
        return rows;
    }

    private Map<String, List<VariableInstance>> variablesOf(List<Task> chunk) {
        String[] processInstances = chunk.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .distinct().toArray(String[]::new);
        Map<String, List<VariableInstance>> byProcess = new HashMap<>();
        if (processInstances.length == 0) {
            return byProcess;
        }
        runtime.createVariableInstanceQuery()
                .processInstanceIdIn(processInstances)
                .variableNameIn(ROW_VARIABLES.toArray(String[]::new))
                .disableBinaryFetching()
                .disableCustomObjectDeserialization()
                .list()
                .forEach(v -> byProcess.computeIfAbsent(v.getProcessInstanceId(), id -> new ArrayList<>()).add(v));
        return byProcess;
    }

    /**
     * The candidate groups of these tasks, sorted, in one statement. Camunda's API reads them task by task
     * ({@code getIdentityLinksForTask}); its identity link table is read directly instead, as {@link JobLockOwner}
     * reads the job table, with the configured table prefix.
     */
    private Map<String, List<String>> candidateGroupsOf(List<Task> chunk) {
        Map<String, Set<String>> groups = new HashMap<>();
        List<String> ids = chunk.stream().map(Task::getId).toList();
        jdbc.query("select TASK_ID_, GROUP_ID_ from " + identityLinkTable
                        + " where TYPE_ = :type and GROUP_ID_ is not null and TASK_ID_ in (:ids)",
                Map.of("type", IdentityLinkType.CANDIDATE, "ids", ids),
                row -> {
                    groups.computeIfAbsent(row.getString(1), id -> new TreeSet<>()).add(row.getString(2));
                });
        Map<String, List<String>> sorted = new HashMap<>();
        groups.forEach((task, names) -> sorted.put(task, List.copyOf(new LinkedHashSet<>(names))));
        return sorted;
    }

    private static Map<String, Object> resolve(Task task, List<VariableInstance> ofProcess) {
        Map<String, Object> values = new HashMap<>();
        for (int rank = 2; rank >= 0; rank--) {
            for (VariableInstance variable : ofProcess) {
                if (rank(task, variable) == rank) {
                    values.put(variable.getName(), variable.getValue());
                }
            }
        }
        return values;
    }

    /** 0 the task's own, 1 its execution's, 2 the process instance's; -1 another scope (another system's). */
    private static int rank(Task task, VariableInstance variable) {
        if (task.getId().equals(variable.getTaskId())) {
            return 0;
        }
        if (variable.getTaskId() != null) {
            return -1;
        }
        if (variable.getExecutionId() != null && variable.getExecutionId().equals(task.getExecutionId())) {
            return 1;
        }
        if (variable.getExecutionId() != null && variable.getExecutionId().equals(task.getProcessInstanceId())) {
            return 2;
        }
        return -1;
    }

    InboxTask toInboxTask(Task task, Map<String, Object> variables, List<String> candidateGroups) {
        LocalDate due = task.getDueDate() == null ? null : statutoryClock.dateOf(task.getDueDate().toInstant());
        LocalDate today = statutoryClock.dateOf(clock.instant());
        long daysLeft = due == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(today, due);
        InboxTask.Kind kind = switch (task.getTaskDefinitionKey()) {
            case ProcessModel.Activities.APPROVE_ERASURE -> InboxTask.Kind.APPROVE_ERASURE;
            case ProcessModel.Activities.REVIEW_CORRECTION -> InboxTask.Kind.REVIEW_CORRECTION;
            case ProcessModel.Activities.REVIEW_PACKAGE -> InboxTask.Kind.REVIEW_PACKAGE;
            case ProcessModel.BatchActivities.APPLY_BATCH_BY_HAND -> InboxTask.Kind.APPLY_OPT_OUTS;
            case ProcessModel.AppealActivities.DECIDE_APPEAL -> InboxTask.Kind.DECIDE_APPEAL;
            default -> InboxTask.Kind.FULFIL;
        };
        Number systemId = (Number) variables.get(SYSTEM_ID);
        Number planStep = (Number) variables.get(ERASURE_PLAN_STEP);
        return new InboxTask(task.getId(), kind, task.getName(), (String) variables.get(REFERENCE),
                (String) variables.get(REQUEST_TYPE), (String) variables.get(REGIME),
                systemId == null ? 0 : systemId.longValue(), (String) variables.get(SYSTEM_NAME),
                (String) variables.get(INSTRUCTIONS), due, daysLeft, task.getAssignee(),
                candidateGroups, task.getCreateTime().toInstant(),
                planStep == null ? null : planStep.longValue());
    }
}
