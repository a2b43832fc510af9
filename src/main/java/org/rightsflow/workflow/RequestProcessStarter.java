package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.REFERENCE;
import static org.rightsflow.workflow.ProcessModel.Variables.REGIME;
import static org.rightsflow.workflow.ProcessModel.Variables.REQUEST_TYPE;
import static org.rightsflow.workflow.ProcessModel.Variables.VERIFICATION_EXPIRES_AT;
import static org.rightsflow.workflow.ProcessModel.Variables.VERIFICATION_REQUIRED;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestSubmitted;
import org.rightsflow.verification.VerificationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the process in the intake transaction: the request and its process instance are committed together or
 * not at all. The first step is asynchronous, so the submitter does not wait for it.
 */
@Component
class RequestProcessStarter {

    private final RuntimeService runtime;
    private final RequestDirectory requests;
    private final DueDateTimers timers;
    private final Duration linkValidity;
    private final Clock clock;

    RequestProcessStarter(RuntimeService runtime, RequestDirectory requests, DueDateTimers timers,
                          VerificationProperties verification, Clock clock) {
        this.runtime = runtime;
        this.requests = requests;
        this.timers = timers;
        this.linkValidity = verification.linkValidity();
        this.clock = clock;
    }

    @EventListener
    void on(RequestSubmitted submitted) {
        RequestDetails request = requests.get(submitted.reference());
        Map<String, Object> variables = new HashMap<>(timers.variablesFor(request.regime(), request.due()));
        variables.put(REFERENCE, request.reference());
        variables.put(REQUEST_TYPE, request.type().name());
        variables.put(REGIME, request.regime().name());
        variables.put(VERIFICATION_REQUIRED, request.verificationRequired());
        variables.put(VERIFICATION_EXPIRES_AT, Date.from(clock.instant().plus(linkValidity)));
        runtime.startProcessInstanceByKey(ProcessModel.DATA_SUBJECT_REQUEST, request.reference(), variables);
    }
}
