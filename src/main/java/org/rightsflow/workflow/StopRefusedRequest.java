package org.rightsflow.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A request refused as a whole: its process (and every system's process it called) stops, so no task, reminder or
 * connector step carries on; the subject gets the refusal with the remedies of their law. In the refusal's
 * transaction.
 */
@Component
class StopRefusedRequest {

    private final RuntimeService runtime;
    private final RequestDirectory requests;
    private final SubjectMail mail;

    StopRefusedRequest(RuntimeService runtime, RequestDirectory requests, SubjectMail mail) {
        this.runtime = runtime;
        this.requests = requests;
        this.mail = mail;
    }

    @EventListener
    void on(RequestRefused refused) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(refused.reference()).processDefinitionKey(ProcessModel.DATA_SUBJECT_REQUEST)
                .list()) {
            // The called fulfil-in-system instances go with it; no listener of the model runs.
            runtime.deleteProcessInstance(instance.getId(), "Refused by staff", true, true);
        }
        mail.refusal(requests.get(refused.reference()), requests.refusal(refused.reference()).orElseThrow());
    }
}
