package org.rightsflow.workflow;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.rightsflow.database.DatabaseProperties;
import org.springframework.boot.autoconfigure.task.TaskSchedulingProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a background pool too small for the threads that use it. A connector step holds two
 * connections at once (the job's transaction, and the journal entry that records its start in a transaction of its
 * own, so that an attempt stays on record when the job rolls back): with fewer connections than twice the threads,
 * every thread can hold one and wait for a second that never comes, and jobs fail with "Connection is not
 * available" under load instead of queueing.
 */
@Component
class JobExecutorConnections {

    /** Job acquisition and a health check or start-up task beside the threads. */
    static final int SPARE = 2;

    JobExecutorConnections(CamundaBpmProperties camunda, TaskSchedulingProperties scheduling,
                           DatabaseProperties database) {
        int needed = needed(camunda.getJobExecution().getMaxPoolSize(), scheduling.getPool().getSize());
        int size = database.background().size();
        if (size < needed) {
            throw new IllegalStateException("rightsflow.database.background.size is " + size + " but needs at least "
                    + needed + ": 2 x (camunda.bpm.job-execution.max-pool-size "
                    + camunda.getJobExecution().getMaxPoolSize() + " + spring.task.scheduling.pool.size "
                    + scheduling.getPool().getSize() + ") + " + SPARE
                    + " (docs/operations.md, \"Pools and the job executor\")");
        }
    }

    static int needed(int jobThreads, int schedulerThreads) {
        return 2 * (jobThreads + schedulerThreads) + SPARE;
    }
}
