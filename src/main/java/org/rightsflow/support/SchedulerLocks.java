package org.rightsflow.support;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every scheduled job that must run once per cluster carries {@code @SchedulerLock(name = …)}: the node that takes the
 * job's row in {@code shedlock} runs it, the others skip that turn. Time is the database's, so nodes with drifting
 * clocks agree. {@code lockAtMostFor} is how long a lock outlives a node that died while holding it; each job sets
 * it above its longest run, and {@link #DEFAULT_LOCK_AT_MOST_FOR} covers the rest.
 *
 * <p>Jobs that stay per node on purpose: the outbox dispatcher (each message is claimed on its own, so nodes share
 * the sending) and the metrics refresh (each node's own gauges).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = SchedulerLocks.DEFAULT_LOCK_AT_MOST_FOR)
class SchedulerLocks {

    static final String DEFAULT_LOCK_AT_MOST_FOR = "PT10M";

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
