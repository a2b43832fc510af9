package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rightsflow.workflow.ProcessModel.Variables.AUTO_APPROVE;
import static org.rightsflow.workflow.ProcessModel.Variables.CONNECTOR_ACTION;
import static org.rightsflow.workflow.ProcessModel.Variables.INSTRUCTIONS;
import static org.rightsflow.workflow.ProcessModel.Variables.OWNER_GROUP;
import static org.rightsflow.workflow.ProcessModel.Variables.PROCESSOR_REMINDER_CYCLE;
import static org.rightsflow.workflow.ProcessModel.Variables.REFERENCE;
import static org.rightsflow.workflow.ProcessModel.Variables.REGIME;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;
import static org.rightsflow.workflow.ProcessModel.Variables.ROUTE;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_IDS;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_KEY;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;
import static org.rightsflow.workflow.ProcessModel.Variables.TASK_NAME;
import static org.rightsflow.workflow.ProcessModel.Variables.VERIFICATION_EXPIRES_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.VERIFICATION_REQUIRED;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.community.mockito.CamundaMockito;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rightsflow.deadline.StatutoryClock;

/**
 * Shared ground for the process tests: the in-memory engine of src/test/resources/process-test.camunda.cfg.xml
 * (deliberately not named camunda.cfg.xml, which Camunda's REST API and webapps would load in the Spring tests and
 * start a second engine from), every delegate mocked (see {@link DelegateStubs}), a request started with the variables {@code RequestProcessStarter} gives it,
 * and small helpers to drive the jobs one by one. No Spring context, no sleeping: a test executes each job itself.
 */
abstract class ProcessTestSupport {

    /**
     * One extension per test instance (not a static field shared by the subclasses: the extension clears its
     * service references after each test class). The engine behind it is built once per JVM and cached.
     */
    @RegisterExtension
    final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml")
            .build();

    static final String REFERENCE_NUMBER = "DSR-2025-000042";
    static final Duration LINK_VALIDITY = Duration.ofDays(7);

    /** The production conversion of a due date into timer variables, in the clock zone the demo runs in (UTC). */
    static final DueDateTimers TIMERS = new DueDateTimers(StatutoryClock.shipped(ZoneOffset.UTC));

    /** Connected systems as the prepareSystemTask stub describes them. */
    record ConnectedSystem(long id, String key, String name, String ownerGroup, String instructions) {
        String taskName() {
            return "Access in " + name;
        }
    }

    static final ConnectedSystem SHOP = new ConnectedSystem(1L, "shop", "Shop database", "shop-owners",
            "Export the customer's orders and addresses.");
    static final ConnectedSystem NEWSLETTER = new ConnectedSystem(2L, "newsletter", "Newsletter tool", "marketing",
            "Export the subscriber record and its consent history.");
    static final ConnectedSystem MAILING_AGENCY = new ConnectedSystem(3L, "mailing-agency", "Mailing agency",
            "marketing", "");
    static final Map<Long, ConnectedSystem> SYSTEMS = Map.of(SHOP.id(), SHOP, NEWSLETTER.id(), NEWSLETTER,
            MAILING_AGENCY.id(), MAILING_AGENCY);

    /**
     * How "Load system" reaches one system, as the real PrepareSystemTask decides it: the route and the variables it
     * sets for that route (the connector action only for automated systems, the reminder cycle only for processors).
     */
    record Route(String route, String connectorAction, boolean autoApprove, String processorReminderCycle) {
        static final Route MANUAL = new Route(Routes.MANUAL, null, false, null);

        static Route automated(String connectorAction, boolean autoApprove) {
            return new Route(Routes.AUTOMATED, Objects.requireNonNull(connectorAction), autoApprove, null);
        }

        static Route processor(String reminderCycle) {
            return new Route(Routes.PROCESSOR, null, false, Objects.requireNonNull(reminderCycle));
        }
    }

    /** The route the prepareSystemTask stub gives each system; a system not listed goes to a person. */
    private final Map<Long, Route> routes = new HashMap<>();

    RuntimeService runtimeService;
    TaskService taskService;
    ManagementService managementService;
    HistoryService historyService;
    DelegateStubs stubs;

    /** The request's statutory due date. */
    LocalDate due;

    @BeforeEach
    void engineAndStubs() {
        BpmnAwareTests.init(engine.getProcessEngine());
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        managementService = engine.getManagementService();
        historyService = engine.getHistoryService();
        due = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).plusDays(30);

        stubs = DelegateStubs.registerAll()
                // the real delegate asks the system registry; two systems are in scope
                .on("selectSystemsInScope",
                        execution -> execution.setVariable(SYSTEM_IDS, new ArrayList<>(List.of(SHOP.id(), NEWSLETTER.id()))))
                // the real delegate loads the system and names the task for its owner group
                .on("prepareSystemTask", execution -> {
                    ConnectedSystem system = SYSTEMS.get(((Number) execution.getVariable(SYSTEM_ID)).longValue());
                    Route route = routes.getOrDefault(system.id(), Route.MANUAL);
                    execution.setVariable(SYSTEM_NAME, system.name());
                    execution.setVariable(SYSTEM_KEY, system.key());
                    execution.setVariable(OWNER_GROUP, system.ownerGroup());
                    execution.setVariable(TASK_NAME, system.taskName());
                    execution.setVariable(INSTRUCTIONS, system.instructions());
                    execution.setVariable(AUTO_APPROVE, route.autoApprove());
                    execution.setVariable(ROUTE, route.route());
                    if (route.connectorAction() != null) {
                        execution.setVariable(CONNECTOR_ACTION, route.connectorAction());
                    }
                    if (route.processorReminderCycle() != null) {
                        execution.setVariable(PROCESSOR_REMINDER_CYCLE, route.processorReminderCycle());
                    }
                })
                // the real delegate recomputes the timer variables from the request's (possibly new) due date
                .on("recordVerification", execution -> execution.setVariables(TIMERS.variablesFor(due)));
    }

    @AfterEach
    void resetMocksAndClock() {
        CamundaMockito.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /** Lets the prepareSystemTask stub send this system down this route (by default: manual). */
    void route(ConnectedSystem system, Route route) {
        routes.put(system.id(), route);
    }

    /** Lets the selectSystemsInScope stub put exactly these systems in scope, in this order. */
    void inScope(ConnectedSystem... systems) {
        List<Long> ids = new ArrayList<>();
        for (ConnectedSystem system : systems) {
            ids.add(system.id());
        }
        stubs.on("selectSystemsInScope", execution -> execution.setVariable(SYSTEM_IDS, new ArrayList<>(ids)));
    }

    /** Starts the process as RequestProcessStarter does for a submitted GDPR access request. */
    ProcessInstance startRequest(boolean verificationRequired) {
        return startRequest(verificationRequired, "ACCESS");
    }

    /** Starts the process as RequestProcessStarter does for a submitted GDPR request of this type. */
    ProcessInstance startRequest(boolean verificationRequired, String requestType) {
        Map<String, Object> variables = new HashMap<>(TIMERS.variablesFor(due));
        variables.put(REFERENCE, REFERENCE_NUMBER);
        variables.put(REQUEST_TYPE, requestType);
        variables.put(REGIME, "GDPR");
        variables.put(VERIFICATION_REQUIRED, verificationRequired);
        variables.put(VERIFICATION_EXPIRES_AT, Date.from(ClockUtil.getCurrentTime().toInstant().plus(LINK_VALIDITY)));
        return runtimeService.startProcessInstanceByKey(ProcessModel.DATA_SUBJECT_REQUEST, REFERENCE_NUMBER, variables);
    }

    /** Executes the one job that waits at this activity of this process instance (async continuation or timer). */
    Job executeJob(ProcessInstance instance, String activityId) {
        Job job = jobAt(instance, activityId);
        managementService.executeJob(job.getId());
        return job;
    }

    /**
     * Runs the request's jobs that count finished systems in (the fan-out is asynchronous after each system's instance
     * ends, see the model): what the job executor does as soon as a system is done.
     */
    void countInFinishedSystems(ProcessInstance request) {
        managementService.createJobQuery().processInstanceId(request.getId()).list().stream()
                .filter(job -> activityOf(job).startsWith(ProcessModel.Activities.FULFIL_IN_SYSTEMS))
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    /** Whether this process instance has a job waiting at the activity. */
    boolean hasJobAt(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).count() > 0;
    }

    Job jobAt(ProcessInstance instance, String activityId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).list();
        assertThat(jobs).as("jobs at %s of %s", activityId, instance.getProcessDefinitionId()).hasSize(1);
        return jobs.get(0);
    }

    /** The timer jobs of this process instance, by the activity they belong to. */
    Map<String, Job> timers(ProcessInstance instance) {
        Map<String, Job> timers = new LinkedHashMap<>();
        managementService.createJobQuery().processInstanceId(instance.getId()).timers().orderByJobDuedate().asc()
                .list().forEach(job -> timers.put(activityOf(job), job));
        return timers;
    }

    /** The jobs due now (as the job executor would pick them), oldest due date first. */
    List<Job> executableJobs() {
        return managementService.createJobQuery().executable().orderByJobDuedate().asc().list();
    }

    /** Executes due jobs, oldest first, until none is left; returns the activities they belonged to. */
    List<String> executeDueJobs() {
        List<String> executed = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            List<Job> due = executableJobs();
            if (due.isEmpty()) {
                return executed;
            }
            executed.add(activityOf(due.get(0)));
            managementService.executeJob(due.get(0).getId());
        }
        throw new AssertionError("Jobs keep coming: " + executed);
    }

    /** The activity a job belongs to (the Job API only exposes it through the job definition). */
    String activityOf(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    /** The running fulfil-in-system instances called by this request, by system id. */
    Map<Long, ProcessInstance> calledInstances(ProcessInstance request) {
        Map<Long, ProcessInstance> called = new LinkedHashMap<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(request.getId()).list()) {
            long systemId = ((Number) runtimeService.getVariable(instance.getId(), SYSTEM_ID)).longValue();
            called.put(systemId, instance);
        }
        return called;
    }

    /** The running fulfil-in-system instance of one system called by this request. */
    ProcessInstance fulfilment(ProcessInstance request, ConnectedSystem system) {
        ProcessInstance instance = calledInstances(request).get(system.id());
        assertThat(instance).as("running fulfil-in-system of %s", system.name()).isNotNull();
        return instance;
    }

    /** The open fulfilment task of one system. */
    Task taskFor(ConnectedSystem system) {
        return taskService.createTaskQuery().processDefinitionKey(ProcessModel.FULFIL_IN_SYSTEM)
                .processVariableValueEquals(SYSTEM_ID, system.id()).singleResult();
    }

    List<Task> openFulfilmentTasks() {
        return taskService.createTaskQuery().processDefinitionKey(ProcessModel.FULFIL_IN_SYSTEM)
                .orderByTaskCreateTime().asc().list();
    }

    /** Ids of the end events (none or terminate) this instance reached, in order. */
    List<String> endEventsReached(ProcessInstance instance) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .orderPartiallyByOccurrence().asc().list().stream()
                .filter(activity -> END_EVENT_TYPES.contains(activity.getActivityType()))
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private static final List<String> END_EVENT_TYPES = List.of("noneEndEvent", "terminateEndEvent");

    Object variable(ProcessInstance instance, String name) {
        return runtimeService.getVariable(instance.getId(), name);
    }

    static Instant instant(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime());
    }

    static Instant instant(Object date) {
        return instant((Date) date);
    }

    static void setClock(Date date) {
        ClockUtil.setCurrentTime(date);
    }
}
