package org.rightsflow.workflow;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * The jobs this node's job executor is running at this moment, for {@link JobLockRenewal}: only a job whose work is
 * under way may have its lock renewed. A job that ended without Camunda releasing its lock (an optimistic-locking
 * conflict at its commit leaves the lock as it is, for the job to run again once the lock runs out) must not be kept
 * locked by a renewal that only sees the lock's owner. Every job handler is wrapped: a job counts as running while
 * its handler runs, which is where a connector call or a package assembly spends its time.
 */
@Component
class RunningJobs extends AbstractProcessEnginePlugin {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Map<String, JobHandler> handlers = configuration.getJobHandlers();
        handlers.replaceAll((type, handler) -> new Tracked(handler, this));
    }

    void started(String jobId) {
        running.add(jobId);
    }

    void ended(String jobId) {
        running.remove(jobId);
    }

    /** Whether this node runs any job at this moment: the lock renewal has nothing to do when none. */
    boolean any() {
        return !running.isEmpty();
    }

    /** Whether a job of this id is being run by this node's job executor now. */
    boolean isRunning(String jobId) {
        return running.contains(jobId);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record Tracked(JobHandler delegate, RunningJobs running) implements JobHandler<JobHandlerConfiguration> {

        @Override
        public String getType() {
            return delegate.getType();
        }

        @Override
        public void execute(JobHandlerConfiguration configuration, ExecutionEntity execution,
                            CommandContext commandContext, String tenantId) {
            // Only the job executor's threads have a job executor context; a job run through the API (a test, an
            // operator's "retry now") holds no lock of this node's to renew.
            JobExecutorContext context = Context.getJobExecutorContext();
            JobEntity job = context == null ? null : context.getCurrentJob();
            if (job == null) {
                delegate.execute(configuration, execution, commandContext, tenantId);
                return;
            }
            running.started(job.getId());
            try {
                delegate.execute(configuration, execution, commandContext, tenantId);
            } finally {
                running.ended(job.getId());
            }
        }

        @Override
        public JobHandlerConfiguration newConfiguration(String canonicalString) {
            return delegate.newConfiguration(canonicalString);
        }

        @Override
        public void onDelete(JobHandlerConfiguration configuration, JobEntity jobEntity) {
            delegate.onDelete(configuration, jobEntity);
        }
    }
}
