package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.INSTRUCTIONS;
import static org.rightsflow.workflow.ProcessModel.Variables.OWNER_GROUP;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_ID;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;
import static org.rightsflow.workflow.ProcessModel.Variables.TASK_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.RequestTexts;
import org.springframework.stereotype.Component;

/** Loads the system this branch serves and names the task its owner group will see. */
@Component("prepareSystemTask")
class PrepareSystemTask implements JavaDelegate {

    private final SystemRegistry systems;

    PrepareSystemTask(SystemRegistry systems) {
        this.systems = systems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SystemView system = systems.get(((Number) execution.getVariable(SYSTEM_ID)).longValue());
        RequestType type = RequestType.valueOf((String) execution.getVariable(ProcessModel.Variables.REQUEST_TYPE));
        execution.setVariable(SYSTEM_NAME, system.name());
        execution.setVariable(OWNER_GROUP, system.ownerGroup());
        execution.setVariable(TASK_NAME, RequestTexts.typeLabel(type) + " in " + system.name());
        execution.setVariable(INSTRUCTIONS, system.instructions() == null ? "" : system.instructions());
    }
}
