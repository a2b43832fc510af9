package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.BATCH_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.BATCH_ROUTE;
import static org.rightsflow.workflow.ProcessModel.Variables.INSTRUCTIONS;
import static org.rightsflow.workflow.ProcessModel.Variables.OWNER_GROUP;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;
import static org.rightsflow.workflow.ProcessModel.Variables.TASK_NAME;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.OptOutBatches;
import org.springframework.stereotype.Component;

/**
 * Decides how one system gets the batch: through its connector when it takes batches (sql, http with the action
 * declared), otherwise as a task for its owner group with the list to download.
 */
@Component("routeBatch")
class RouteBatch implements JavaDelegate {

    static final String AUTOMATED = "automated";
    static final String MANUAL = "manual";

    private final SystemRegistry systems;
    private final OptOutBatches batches;

    RouteBatch(SystemRegistry systems, OptOutBatches batches) {
        this.systems = systems;
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long systemId = ((Number) execution.getVariable(SYSTEM_ID)).longValue();
        RequestType type = RequestType.valueOf((String) execution.getVariable(REQUEST_TYPE));
        BatchView batch = batches.get(((Number) execution.getVariable(BATCH_ID)).longValue());
        SystemDefinition system = systems.definition(systemId);
        Optional<ConnectorAction> action = Routes.actionFor(type);
        boolean automated = action.isPresent() && systems.supportsBatch(systemId, action.get());
        execution.setVariableLocal(BATCH_ROUTE, automated ? AUTOMATED : MANUAL);
        execution.setVariableLocal(SYSTEM_NAME, system.name());
        execution.setVariableLocal(OWNER_GROUP, system.ownerGroup());
        execution.setVariableLocal(TASK_NAME, String.format("Apply %,d %s in %s", batch.size(),
                batch.purpose().choicesInPlural(), system.name()));
        execution.setVariableLocal(INSTRUCTIONS, (system.instructions() == null ? "" : system.instructions() + "\n\n")
                + "Download the list of email addresses from this task (CSV), apply each one in the system, then "
                + "say what was done. The list is deleted when the batch is carried out everywhere.");
    }
}
