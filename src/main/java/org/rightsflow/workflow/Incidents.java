package org.rightsflow.workflow;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents of every request's process, for staff: failed jobs (retry runs the step again with one more
 * attempt) and missing callbacks (retry clears the incident; the step keeps waiting).
 */
@Service
public class Incidents {

    private static final String FAILED_JOB = Incident.FAILED_JOB_HANDLER_TYPE;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final Timeline timeline;
    private final Clock clock;

    Incidents(RuntimeService runtime, ManagementService management, RepositoryService repository, Timeline timeline,
              Clock clock) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<IncidentView> open() {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().list().stream().map(this::view).toList();
    }

    /** Retries the incidents given; returns how many were handled. Unknown ids are skipped. */
    @Transactional
    public int retry(Collection<String> incidentIds, String actor) {
        int handled = 0;
        for (String id : incidentIds) {
            Incident incident = runtime.createIncidentQuery().incidentId(id).singleResult();
            if (incident == null) {
                continue;
            }
            String reference = referenceOf(incident);
            if (FAILED_JOB.equals(incident.getIncidentType())) {
                // One more attempt, now (Camunda keeps the due date of the last failure's back-off otherwise); if it
                // fails again the incident comes back with the new error.
                management.setJobRetries(incident.getConfiguration(), 1);
                management.setJobDuedate(incident.getConfiguration(), Date.from(clock.instant()));
            } else {
                runtime.resolveIncident(id);
            }
            if (reference != null) {
                timeline.record(reference, actor, TimelineKind.SYSTEM_STEP, "Incident at \""
                        + activityName(incident) + "\" " + (FAILED_JOB.equals(incident.getIncidentType())
                        ? "retried." : "cleared; the step keeps waiting for the system's answer."));
            }
            handled++;
        }
        return handled;
    }

    /**
     * Retries every open incident of one request's processes (the request's own and those it called, which carry its
     * reference as business key), as {@link #retry} does: each at its cause, where a
     * called process's incident is also shown in the calling one.
     *
     * @return how many were handled; 0 when the request has none
     */
    @Transactional
    public int retryOf(String reference, String actor) {
        List<String> processes = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
                .stream().map(ProcessInstance::getId).toList();
        List<String> incidents = processes.stream()
                .flatMap(process -> runtime.createIncidentQuery().processInstanceId(process).list().stream())
                // An incident in a called process is repeated in the calling one; only its cause is retried.
                .filter(incident -> incident.getId().equals(incident.getRootCauseIncidentId()))
                .map(Incident::getId).toList();
        return incidents.isEmpty() ? 0 : retry(incidents, actor);
    }

    private IncidentView view(Incident incident) {
        return new IncidentView(incident.getId(), incident.getIncidentType(), referenceOf(incident),
                activityName(incident), incident.getIncidentMessage(), incident.getIncidentTimestamp().toInstant(),
                FAILED_JOB.equals(incident.getIncidentType()));
    }

    private String referenceOf(Incident incident) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(incident.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private String activityName(Incident incident) {
        var model = repository.getBpmnModelInstance(incident.getProcessDefinitionId());
        var element = model == null ? null : model.getModelElementById(incident.getActivityId());
        String name = element == null ? null : element.getAttributeValue("name");
        return name == null ? incident.getActivityId() : name;
    }
}
