package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.AUTO_APPROVE;
import static org.rightsflow.workflow.ProcessModel.Variables.CONNECTOR_ACTION;
import static org.rightsflow.workflow.ProcessModel.Variables.INSTRUCTIONS;
import static org.rightsflow.workflow.ProcessModel.Variables.OWNER_GROUP;
import static org.rightsflow.workflow.ProcessModel.Variables.PROCESSOR_REMINDER_CYCLE;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;
import static org.rightsflow.workflow.ProcessModel.Variables.ROUTE;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_KEY;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;
import static org.rightsflow.workflow.ProcessModel.Variables.TASK_NAME;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorKind;
import org.rightsflow.connector.ProcessorEmailSettings;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.RequestTexts;
import org.springframework.stereotype.Component;

/**
 * Loads the system this branch serves and chooses its route: its connector when it can do the action itself, an
 * email when it is a processor, a person in the owner group otherwise.
 */
@Component("prepareSystemTask")
class PrepareSystemTask implements JavaDelegate {

    private final SystemRegistry systems;

    PrepareSystemTask(SystemRegistry systems) {
        this.systems = systems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long systemId = ((Number) execution.getVariable(SYSTEM_ID)).longValue();
        SystemDefinition system = systems.definition(systemId);
        RequestType type = RequestType.valueOf((String) execution.getVariable(REQUEST_TYPE));
        execution.setVariable(SYSTEM_NAME, system.name());
        execution.setVariable(SYSTEM_KEY, system.key());
        execution.setVariable(OWNER_GROUP, system.ownerGroup());
        execution.setVariable(TASK_NAME, RequestTexts.typeLabel(type) + " in " + system.name());
        execution.setVariable(INSTRUCTIONS, system.instructions() == null ? "" : system.instructions());
        execution.setVariable(AUTO_APPROVE, system.autoApproveErasure());

        Optional<ConnectorAction> action = Routes.actionFor(type);
        if (system.kind() == ConnectorKind.PROCESSOR_EMAIL) {
            execution.setVariable(ROUTE, Routes.PROCESSOR);
            // Camunda reads "R/<duration>" as: repeat every <duration> until the confirmation ends the wait.
            execution.setVariable(PROCESSOR_REMINDER_CYCLE,
                    "R/" + ProcessorEmailSettings.from(system.connection()).reminderEvery());
        } else if (system.kind().isAutomated() && action.isPresent() && systems.supports(systemId, action.get())) {
            execution.setVariable(ROUTE, Routes.AUTOMATED);
            execution.setVariable(CONNECTOR_ACTION, action.get().name());
        } else {
            execution.setVariable(ROUTE, Routes.MANUAL);
        }
    }
}
