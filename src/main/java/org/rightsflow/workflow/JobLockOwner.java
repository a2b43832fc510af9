package org.rightsflow.workflow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the job executor a lock owner that stays the same when a node restarts, and frees at start the job locks its
 * previous incarnation held. Camunda names each job executor with a random id, so the jobs a crashed or killed JVM
 * had locked wait until their locks expire ({@code camunda.bpm.job-execution.lock-time-in-millis}) before any node
 * runs them again. A dead process holds no lock, so its successor may take them back at once. (Other nodes take them
 * over once the lock has run out, which {@link JobLockRenewal} keeps short.)
 *
 * <p>The id is {@code rightsflow.jobs.node-id} when set (required where several nodes share a host and port
 * number, e.g. behind a container runtime), else the host name and the fixed server port, which no other live
 * process can share. With a random port (0, as the tests use) there is no stable id: Camunda's random one is kept
 * and nothing is freed, so two engines in one JVM never free each other's locks.
 */
@Component
class JobLockOwner extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobLockOwner.class);

    private final String nodeId;

    /** The port through Spring Boot's own properties bean; unset means Boot's default port, 8080. */
    JobLockOwner(JobProperties properties, ServerProperties server) {
        int port = server.getPort() == null ? 8080 : server.getPort();
        this.nodeId = !properties.nodeId().isEmpty() ? properties.nodeId() : port == 0 ? null : hostName() + ":" + port;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (nodeId != null && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeId);
        }
    }

    /** Before the job executor acquires anything: this node's earlier incarnation is dead, so are its locks. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (nodeId == null) {
            return;
        }
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        DataSource dataSource = configuration.getDataSource();
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        // REV_ + 1: the optimistic-locking revision Camunda checks, as its own unlock does.
        int freed = new JdbcTemplate(dataSource).update("update " + table
                + " set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 where LOCK_OWNER_ = ?", nodeId);
        if (freed > 0) {
            log.info("Freed {} job lock(s) left by this node's previous run ({})", freed, nodeId);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return UUID.randomUUID().toString();
        }
    }
}
