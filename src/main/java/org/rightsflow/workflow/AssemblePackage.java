package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.PACKAGE_REVIEWED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rightsflow.access.PackageAssembly;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.springframework.stereotype.Component;

/** Assembles and seals the access package once every system has answered (and staff reviewed it, if configured). */
@Component("assemblePackage")
class AssemblePackage implements JavaDelegate {

    private final PackageAssembly assembly;
    private final RequestDirectory requests;
    private final ConnectorContexts contexts;

    AssemblePackage(PackageAssembly assembly, RequestDirectory requests, ConnectorContexts contexts) {
        this.assembly = assembly;
        this.requests = requests;
        this.contexts = contexts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestDetails request = requests.get(execution.getBusinessKey());
        assembly.assemble(request.reference(), (String) execution.getVariable(PACKAGE_REVIEWED_BY),
                contexts.dataSince(request));
    }
}
