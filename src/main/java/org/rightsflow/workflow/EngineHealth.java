package org.rightsflow.workflow;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the engine on this node ({@code engine} in the health groups; Camunda's own bean is named jobExecutor): a node whose job executor stopped
 * still serves pages but carries no request forward, so it is not ready.
 */
@Component("engineHealthIndicator")
class EngineHealth implements HealthIndicator {

    private final EngineStatistics statistics;

    EngineHealth(EngineStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public Health health() {
        Health.Builder health = statistics.jobExecutorActive() ? Health.up() : Health.down();
        return health.withDetail("executableJobs", statistics.jobBacklog())
                .withDetail("failedJobs", statistics.failedJobs())
                .build();
    }
}
