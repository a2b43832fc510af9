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
 * own final update checks is left as it was. The job locked here by hand is the history cleanup job, with its due
 * date moved far ahead for the test so that no node acquires it meanwhile: inside the nightly cleanup window
 * (01:00-05:00) it is due, and a test run at night would race the job executor for it.
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

    private Timestamp dueDate;

    @AfterEach
    void unlock() {
        if (jobId != null) {
            jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, DUEDATE_ = ? where ID_ = ?",
                    dueDate, jobId);
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
        dueDate = jdbc.queryForObject("select DUEDATE_ from ACT_RU_JOB where ID_ = ?", Timestamp.class, jobId);
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where ID_ = ?", Timestamp.valueOf("2999-01-01 00:00:00"), jobId);
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
