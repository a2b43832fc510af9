package org.rightsflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.rightsflow.workflow.RequestDiagram.Mark;
import org.rightsflow.workflow.RequestDiagram.Picture;
import org.rightsflow.workflow.RequestDiagram.State;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads from the engine where a request stands in its models ({@link RequestDiagram}): the request's own process
 * instance (found by its reference, the business key) and the per-system instances it called. Active activities and
 * incidents come from the runtime; what already ran from Camunda's history (activity instances are kept at the
 * "audit" level the application runs at), which also serves a closed request until the records purge removes it.
 */
@Service
public class RequestDiagrams {

    private static final String REQUEST_TITLE = "The request";
    private static final String SYSTEM_TITLE = "The work in each system";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final TaskService tasks;
    /** Deployed models never change: their XML is read once per definition. */
    private final Map<String, String> xmlByDefinition = new ConcurrentHashMap<>();

    RequestDiagrams(RuntimeService runtime, HistoryService history, RepositoryService repository, TaskService tasks) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.tasks = tasks;
    }

    /** Empty when the request has no process (an unknown reference, or one whose history has been purged). */
    @Transactional(readOnly = true)
    public Optional<RequestDiagram> of(String reference) {
        HistoricProcessInstance request = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey(ProcessModel.DATA_SUBJECT_REQUEST)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        if (request == null) {
            return Optional.empty();
        }
        List<Picture> pictures = new ArrayList<>();
        pictures.add(new Picture(ProcessModel.DATA_SUBJECT_REQUEST, REQUEST_TITLE,
                xml(request.getProcessDefinitionId()), marks(request, null)));
        // One picture per model version the systems run on: the same version for all of them, except across a
        // redeployment in the middle of a request.
        Map<String, List<Mark>> systemMarks = new LinkedHashMap<>();
        List<HistoricProcessInstance> systems = history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(request.getId()).orderByProcessInstanceStartTime().asc().list();
        for (HistoricProcessInstance system : systems) {
            systemMarks.computeIfAbsent(system.getProcessDefinitionId(), id -> new ArrayList<>())
                    .addAll(marks(system, systemName(system)));
        }
        systemMarks.forEach((definition, marks) ->
                pictures.add(new Picture(ProcessModel.FULFIL_IN_SYSTEM, SYSTEM_TITLE, xml(definition), marks)));
        return Optional.of(new RequestDiagram(pictures));
    }

    private List<Mark> marks(HistoricProcessInstance instance, String system) {
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        Set<String> incidents = new LinkedHashSet<>();
        Set<String> active = new LinkedHashSet<>();
        if (instance.getEndTime() == null) {
            runtime.createIncidentQuery().processInstanceId(instance.getId()).list().stream()
                    .map(Incident::getActivityId).filter(id -> isNode(model, id)).forEach(incidents::add);
            // The leaves of the activity tree: where tokens wait or work. A token waiting at an asynchronous step is
            // a transition instance there (the incident of its failed job is at that step). No tree: the instance
            // ended since the history was read, and nothing is active.
            ActivityInstance tree = runtime.getActivityInstance(instance.getId());
            if (tree != null) {
                leaves(tree, active);
            }
            active.removeIf(id -> !isNode(model, id) || incidents.contains(id));
        }
        Set<String> done = new LinkedHashSet<>();
        history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished()
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).filter(id -> isNode(model, id))
                .filter(id -> !active.contains(id) && !incidents.contains(id)).forEach(done::add);
        List<Mark> marks = new ArrayList<>();
        incidents.forEach(id -> marks.add(new Mark(id, name(model, instance.getId(), id), State.INCIDENT, system)));
        active.forEach(id -> marks.add(new Mark(id, name(model, instance.getId(), id), State.ACTIVE, system)));
        done.forEach(id -> marks.add(new Mark(id, name(model, null, id), State.DONE, system)));
        return marks;
    }

    private static void leaves(ActivityInstance instance, Set<String> into) {
        for (TransitionInstance waiting : instance.getChildTransitionInstances()) {
            into.add(waiting.getActivityId());
        }
        if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
            into.add(instance.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            leaves(child, into);
        }
    }

    /** Whether the id is a node drawn in the model (not a multi-instance body or a sequence flow). */
    private static boolean isNode(BpmnModelInstance model, String activityId) {
        return activityId != null && model.getModelElementById(activityId) instanceof FlowNode;
    }

    /**
     * The name people read. A user task named by an expression ({@code ${taskName}}) reads as its open task is
     * called; anything else unnamed by its id.
     */
    private String name(BpmnModelInstance model, String processInstanceId, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        String name = element == null ? null : element.getAttributeValue("name");
        if (name != null && name.contains("${") && processInstanceId != null) {
            name = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                    .list().stream().map(Task::getName).findFirst().orElse(null);
        }
        if (name == null || name.contains("${")) {
            return activityId;
        }
        return name.replaceAll("\\s+", " ").strip();
    }

    private String systemName(HistoricProcessInstance system) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(system.getId())
                .variableName(ProcessModel.Variables.SYSTEM_NAME).list().stream()
                .min(Comparator.comparing(HistoricVariableInstance::getCreateTime))
                .map(HistoricVariableInstance::getValue).map(Object::toString)
                .orElse("a system not loaded yet");
    }

    private String xml(String definitionId) {
        return xmlByDefinition.computeIfAbsent(definitionId, id -> {
            try (InputStream in = repository.getProcessModel(id)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
