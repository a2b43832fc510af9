package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.AWAITING_CALLBACK;
import static org.rightsflow.workflow.ProcessModel.Variables.CALLBACK_INCIDENT_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.CALLBACK_REMIND_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.COMPLETED_BY;
import static org.rightsflow.workflow.ProcessModel.Variables.CONNECTOR_ACTION;
import static org.rightsflow.workflow.ProcessModel.Variables.OUTCOME;
import static org.rightsflow.workflow.ProcessModel.Variables.RESULT_SUMMARY;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_KEY;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.CallbackDelays;
import org.rightsflow.connector.CallbackPurpose;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorKind;
import org.rightsflow.connector.StepStatus;
import org.rightsflow.connector.StepView;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.connector.SystemCallbacks;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.connector.SystemRegistry;
import org.springframework.stereotype.Component;
import org.rightsflow.support.PublicLinks;

/**
 * Runs the request's action in the system through its connector. An answer now sets the outcome; an accepted
 * (asynchronous) action waits for the callback, with a reminder and then an incident if it does not come.
 */
@Component("runConnectorAction")
class RunConnectorAction implements JavaDelegate {

    /** How a connector is named as the actor of what it did. */
    static final String CONNECTOR_ACTOR = "Rightsflow connector";

    private final SystemActions actions;
    private final SystemRegistry systems;
    private final SystemCallbacks callbacks;
    private final ConnectorContexts contexts;
    private final PublicLinks links;
    private final Timeline timeline;
    private final Clock clock;

    RunConnectorAction(SystemActions actions, SystemRegistry systems, SystemCallbacks callbacks,
                       ConnectorContexts contexts, PublicLinks links, Timeline timeline, Clock clock) {
        this.actions = actions;
        this.systems = systems;
        this.callbacks = callbacks;
        this.contexts = contexts;
        this.links = links;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = execution.getBusinessKey();
        long systemId = ((Number) execution.getVariable(SYSTEM_ID)).longValue();
        String systemKey = (String) execution.getVariable(SYSTEM_KEY);
        ConnectorAction action = ConnectorAction.valueOf((String) execution.getVariable(CONNECTOR_ACTION));
        String callbackUrl = null;
        if (systems.get(systemId).kind() == ConnectorKind.HTTP) {
            callbackUrl = links.systemCallback(callbacks.open(reference, systemId, action,
                    CallbackPurpose.HTTP_CALLBACK, execution.getProcessInstanceId()));
        }
        StepView step = actions.perform(reference, systemId, action,
                contexts.contextFor(reference, systemKey, action, callbackUrl), CONNECTOR_ACTOR);
        timeline.record(reference, CONNECTOR_ACTOR, TimelineKind.SYSTEM_STEP, step.systemName() + ", "
                + action.name().toLowerCase().replace('_', ' ') + ": " + step.summary()
                + (action == ConnectorAction.ERASE ? " " + step.proofOfErasure() : ""));

        if (step.status() == StepStatus.AWAITING_CALLBACK) {
            CallbackDelays delays = systems.callbackDelays(systemId);
            execution.setVariable(AWAITING_CALLBACK, true);
            execution.setVariable(CALLBACK_REMIND_AT, Date.from(clock.instant().plus(delays.remindAfter())));
            execution.setVariable(CALLBACK_INCIDENT_AT, Date.from(clock.instant().plus(delays.incidentAfter())));
            return;
        }
        execution.setVariable(AWAITING_CALLBACK, false);
        boolean nothingFound = action == ConnectorAction.ACCESS && step.rowsFound() == 0;
        execution.setVariable(OUTCOME, (nothingFound ? SystemOutcome.NO_DATA_FOUND : SystemOutcome.DONE).name());
        execution.setVariable(RESULT_SUMMARY, step.summary());
        execution.setVariable(COMPLETED_BY, CONNECTOR_ACTOR);
    }
}
