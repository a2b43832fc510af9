package org.rightsflow.workflow;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One log line per failed job attempt instead of the engine's stack traces: a connected system that is down, a lock
 * conflict, an optimistic locking failure are expected and retried, and a stack trace for each would bury what
 * matters. The line names the job, the request's reference, the step (activity), the retries left and the cause's
 * class and message (addresses masked). The stack trace is written only when no retry is left, that is when an
 * incident opens, by the engine (ENGINE-14006), and is otherwise at DEBUG. The engine's own logging of command and job exceptions is switched off
 * for this ({@code enableCmdExceptionLogging: false}, {@code enableReducedJobExceptionLogging: true} in
 * application.yml); the full stack trace of every failure stays with the job, in Cockpit and Staff → Incidents.
 */
@Component
class FailedJobLog extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(FailedJobLog.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\"'(),;:]+@[^\\s@<>\"'(),;:]+");
    private static final int MESSAGE_LENGTH = 300;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory engine = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, failure) -> {
            Command<Object> retry = engine.getCommand(jobId, failure);
            return context -> {
                Object result = retry.execute(context);
                JobEntity job = context.getJobManager().findJobById(jobId);
                if (job != null) {
                    ExecutionEntity instance = job.getProcessInstanceId() == null ? null
                            : context.getExecutionManager().findExecutionById(job.getProcessInstanceId());
                    logFailure(jobId, instance == null ? null : instance.getBusinessKey(), job.getActivityId(),
                            job.getRetries(), failure);
                }
                return result;
            };
        });
    }

    static void logFailure(String jobId, String reference, String activityId, int retriesLeft, Throwable failure) {
        Throwable cause = cause(failure);
        String line = "Job {} of {} at {} failed, {}: {}: {}";
        Object[] values = {jobId, reference, activityId,
                retriesLeft > 0 ? retriesLeft + " retries left" : "no retry left, an incident is open",
                cause.getClass().getName(), message(cause)};
        log.warn(line, values);
        // The stack trace of the last attempt comes from the engine itself (ENGINE-14006, which with reduced job
        // exception logging writes only when no retry is left); the others' at DEBUG.
        if (retriesLeft > 0) {
            log.debug("Stack trace of the failure of job {}", jobId, failure);
        }
    }

    /** The exception a delegate threw, under the engine's wrappers that add nothing but their own stack. */
    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && cause.getClass().getName().startsWith("org.camunda.bpm.engine.ProcessEngineException")) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String message(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip().replaceAll("\\s+", " ");
        message = ADDRESS.matcher(message).replaceAll("[address]");
        return message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) + "…" : message;
    }
}
