package org.rightsflow.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Service;

/**
 * What operators watch of the engine, as counts: jobs due and waiting for the job executor, jobs that used up their
 * retries, open incidents, and whether this node's job executor runs at all. Each is one count query.
 */
@Service
public class EngineStatistics {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final ProcessEngine engine;

    EngineStatistics(ManagementService management, RuntimeService runtime, ProcessEngine engine) {
        this.management = management;
        this.runtime = runtime;
        this.engine = engine;
    }

    /** Jobs whose time has come and which still have retries: the queue the job executors work through. */
    public long jobBacklog() {
        return management.createJobQuery().executable().count();
    }

    /** Jobs with no retries left: each is an incident waiting for a person. */
    public long failedJobs() {
        return management.createJobQuery().noRetriesLeft().count();
    }

    public long openIncidents() {
        return runtime.createIncidentQuery().count();
    }

    /** Whether this node's job executor is acquiring jobs; a node without one moves no request forward. */
    public boolean jobExecutorActive() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        return executor != null && executor.isActive();
    }
}
