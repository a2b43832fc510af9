package org.rightsflow.workflow;

import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_KEY;
import static org.rightsflow.workflow.ProcessModel.Variables.SYSTEM_NAME;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Execution;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.notification.MailKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The small process steps around late systems and processors, each a thin delegate over {@link SystemFollowUp}.
 * Bean names are the ones the BPMN model uses.
 */
@Configuration(proxyBeanMethods = false)
class SystemFollowUpSteps {

    /** Incident type for a callback that never came; staff resolve it once the system has answered or been chased. */
    static final String CALLBACK_MISSING_INCIDENT = "callbackMissing";

    @Bean
    JavaDelegate emailProcessor(SystemFollowUp followUp, Timeline timeline) {
        return execution -> {
            String processor = followUp.emailProcessor(execution, MailKind.PROCESSOR_REQUEST);
            timeline.record(execution.getBusinessKey(), Actors.SYSTEM, TimelineKind.PROCESSOR_CONTACTED,
                    execution.getVariable(SYSTEM_NAME) + ": the request was emailed to the processor (" + processor
                            + ") with a link to confirm it was carried out (GDPR Art. 19, CCPA §7022).");
        };
    }

    @Bean
    JavaDelegate remindProcessor(SystemFollowUp followUp, Timeline timeline) {
        return execution -> {
            String processor = followUp.emailProcessor(execution, MailKind.PROCESSOR_REMINDER);
            timeline.record(execution.getBusinessKey(), Actors.SYSTEM, TimelineKind.PROCESSOR_CONTACTED,
                    execution.getVariable(SYSTEM_NAME) + ": the processor (" + processor + ") has not confirmed yet; "
                            + "reminded with a new link.");
        };
    }

    @Bean
    JavaDelegate escalateProcessor(SystemFollowUp followUp, Timeline timeline) {
        return execution -> {
            int told = followUp.processorOverdue(execution);
            timeline.record(execution.getBusinessKey(), Actors.SYSTEM, TimelineKind.SYSTEM_LATE,
                    execution.getVariable(SYSTEM_NAME) + ": the processor has not confirmed by the due date; escalated "
                            + "to " + told + " privacy officer(s).");
        };
    }

    @Bean
    JavaDelegate remindCallbackLate(SystemFollowUp followUp, Timeline timeline, Clock clock) {
        return execution -> {
            int told = followUp.callbackLate(execution, Date.from(clock.instant()));
            timeline.record(execution.getBusinessKey(), Actors.SYSTEM, TimelineKind.SYSTEM_LATE,
                    execution.getVariable(SYSTEM_NAME) + " has not called back yet; " + told + " owner(s) reminded.");
        };
    }

    @Bean
    JavaDelegate raiseCallbackIncident(RuntimeService runtime, Timeline timeline) {
        return execution -> {
            // The incident sits on the waiting receive task, where Cockpit and the staff incident list show it.
            Execution waiting = runtime.createExecutionQuery().processInstanceId(execution.getProcessInstanceId())
                    .activityId(ProcessModel.Activities.AWAIT_CALLBACK).singleResult();
            String message = execution.getVariable(SYSTEM_NAME) + " (" + execution.getVariable(SYSTEM_KEY)
                    + ") has not called back for " + execution.getBusinessKey();
            // Camunda resolves and deletes a custom incident by its configuration, together with every other open
            // incident configured alike: it must name this wait alone (not the system, which many requests share).
            runtime.createIncident(CALLBACK_MISSING_INCIDENT, waiting == null ? execution.getId() : waiting.getId(),
                    execution.getProcessInstanceId(), message);
            timeline.record(execution.getBusinessKey(), Actors.SYSTEM, TimelineKind.SYSTEM_LATE,
                    message + "; incident raised for staff.");
        };
    }

}
