package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node renews the locks of the jobs it holds, a full lock time ahead, and no other node's; the revision Camunda's
 * own final update checks is left as it was. The job locked here by hand is the history cleanup job, which is not
 * due before the night and so not acquired meanwhile.
 */
@RightsflowIntegrationTest
class JobLockRenewalIntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    HistoryService history;

    @Autowired
    JobLockRenewal renewal;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RunningJobs runningJobs;

    private String jobId;

    @AfterEach
    void unlock() {
        if (jobId != null) {
            jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where ID_ = ?", jobId);
        }
    }

    @Test
    void aNodeRenewsItsOwnLocksOnlyAndLeavesTheRevision() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String owner = configuration.getJobExecutor().getLockOwner();
        long lockTime = configuration.getJobExecutor().getLockTimeInMillis();
        assertThat(lockTime).as("application.yml's lock time").isEqualTo(40_000);
        jobId = history.findHistoryCleanupJobs().get(0).getId();
        long now = ClockUtil.getCurrentTime().getTime();
        Timestamp soon = new Timestamp(now + 1_000);

        lock("another-node", soon);
        renewal.renew();
        assertThat(lockOf(jobId)).as("another node's lock").containsEntry("LOCK_EXP_TIME_", soon);

        // Locked by this node but not running (waiting in the queue, or ended by an optimistic-locking conflict
        // that left its lock): left to run out, so that the job runs again.
        lock(owner, soon);
        renewal.renew();
        assertThat(lockOf(jobId)).as("a lock of this node whose job is not running").containsEntry("LOCK_EXP_TIME_", soon);

        runningJobs.started(jobId);
        int revision = revision();
        try {
            assertThat(renewal.renew()).isPositive();
        } finally {
            runningJobs.ended(jobId);
        }
        Timestamp renewed = (Timestamp) lockOf(jobId).get("LOCK_EXP_TIME_");
        assertThat(renewed.getTime()).as("a full lock time ahead").isGreaterThanOrEqualTo(now + lockTime);
        assertThat(revision()).as("Camunda's revision, which the job's own end checks").isEqualTo(revision);
        assertThat(lockOf(jobId)).containsEntry("LOCK_OWNER_", owner);
    }

    private void lock(String owner, Timestamp expiry) {
        jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?", owner, expiry, jobId);
    }

    private int revision() {
        return jdbc.queryForObject("select REV_ from ACT_RU_JOB where ID_ = ?", Integer.class, jobId);
    }

    private Map<String, Object> lockOf(String id) {
        return jdbc.queryForMap("select LOCK_OWNER_, LOCK_EXP_TIME_ from ACT_RU_JOB where ID_ = ?", id);
    }
}
