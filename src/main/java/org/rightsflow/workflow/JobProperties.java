package org.rightsflow.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param nodeId this node's name as the owner of Camunda job locks, the same across its restarts and unique among
 *               the live nodes; empty: the host name and the server port (see {@link JobLockOwner})
 */
@ConfigurationProperties("rightsflow.jobs")
record JobProperties(String nodeId) {

    JobProperties {
        nodeId = nodeId == null ? "" : nodeId.strip();
    }
}
