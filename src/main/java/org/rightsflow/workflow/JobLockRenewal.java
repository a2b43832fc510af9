package org.rightsflow.workflow;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's job locks alive while it holds them, so the lock time can be short without a live node's slow
 * job being run a second time elsewhere. Camunda locks each job it acquires for
 * {@code camunda.bpm.job-execution.lock-time-in-millis} and never extends the lock; any node acquires a job whose
 * lock has run out. A short lock alone would let a connector call or a package assembly that outlasts it run twice;
 * a long one (Camunda's 5 minutes) leaves the jobs of a dead node standing still that long.
 *
 * <p>Every quarter of the lock time this node pushes the expiry of every job it owns ({@code LOCK_OWNER_}) and is
 * running at that moment ({@link RunningJobs}) to a full lock time ahead. A job leaves this node's ownership when it ends (deleted, or unlocked by Camunda on failure), so
 * only acquired, unfinished jobs are renewed. A dead node renews nothing: its jobs are free at most one lock time
 * after it died. The revision ({@code REV_}) is left alone: the executing job's own final update checks it, and
 * must still match.
 *
 * <p>A lock is renewed for at most {@link #MAX_RENEWED_MILLIS}, well beyond the longest job: should a job end without
 * Camunda releasing its lock, the lock runs out as it would without renewal, instead of holding the job for ever.
 *
 * <p>Times are the engine's clock ({@link ClockUtil}), the one Camunda sets and compares lock expiries with. The
 * renewal has a thread of its own: on Spring's shared scheduler a long scheduled job would hold it back.
 */
@Component
class JobLockRenewal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobLockRenewal.class);

    /**
     * Longer than any job runs (an http call at most 2 minutes, an sql statement 120 s): a lock held longer is taken
     * for one whose job ended without Camunda unlocking it, and left to run out rather than be kept for ever.
     */
    static final long MAX_RENEWED_MILLIS = 15 * 60 * 1000;

    private final ProcessEngineConfigurationImpl configuration;
    /** Job id → when this node first saw itself holding it (engine clock); read and written under this lock. */
    private final Map<String, Long> heldSince = new HashMap<>();
    private ScheduledExecutorService timer;

    private final RunningJobs runningJobs;

    JobLockRenewal(ProcessEngine engine, RunningJobs runningJobs) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.runningJobs = runningJobs;
    }

    @Override
    public synchronized void start() {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor == null || timer != null) {
            return;
        }
        long every = Math.max(1, jobExecutor.getLockTimeInMillis() / 4);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Pushes the expiry of every job this node owns one lock time ahead; returns how many. */
    synchronized int renew() {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        // Only running jobs are renewed: with none running, the query of the held locks would buy nothing, and on an
        // idle node it was one transaction every 10 s (docs/performance.md, An idle node). Forgetting when the held
        // jobs were first seen errs towards renewing: a job that runs again starts a new 15 minutes.
        if (!runningJobs.any()) {
            heldSince.clear();
            return 0;
        }
        try {
            long now = ClockUtil.getCurrentTime().getTime();
            Timestamp expiry = new Timestamp(now + jobExecutor.getLockTimeInMillis());
            String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
            JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
            List<String> held = jdbc.queryForList("select ID_ from " + table
                            + " where LOCK_OWNER_ = ? and LOCK_EXP_TIME_ is not null", String.class,
                    jobExecutor.getLockOwner());
            int renewed = 0;
            heldSince.keySet().retainAll(held);
            // One row per statement (each its own transaction): holding one row lock while waiting for another could
            // deadlock with a job's transaction that touches two of them.
            for (String id : held) {
                // Acquired and waiting in the queue, or ended without its lock released (an optimistic-locking
                // conflict): not renewed, so it runs out and the job runs again, as Camunda intends.
                if (!runningJobs.isRunning(id)) {
                    continue;
                }
                if (now - heldSince.computeIfAbsent(id, key -> now) > MAX_RENEWED_MILLIS) {
                    continue;
                }
                renewed += jdbc.update("update " + table + " set LOCK_EXP_TIME_ = ? where ID_ = ? and LOCK_OWNER_ = ?"
                        + " and LOCK_EXP_TIME_ < ?", expiry, id, jobExecutor.getLockOwner(), expiry);
            }
            return renewed;
        } catch (RuntimeException e) {
            // The next round tries again; three in a row must fail before a lock runs out.
            log.warn("Could not renew this node's job locks ({})", e.getClass().getSimpleName());
            return 0;
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
