package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every scheduled job runs once per cluster: it holds a ShedLock lock, unless it is one of the jobs that are per node
 * on purpose (support.SchedulerLocks says why). A new {@code @Scheduled} method without a lock fails here instead of
 * running on every node. A cron job holds its lock at least a while, so every node's trigger of the same turn finds
 * it taken.
 */
class ScheduledJobsTest {

    /** Class#method of the jobs every node runs itself. */
    private static final Set<String> PER_NODE = Set.of("OutboxDispatcher#dispatchDue", "OperationalMetrics#refresh");

    @Test
    void everyScheduledJobIsLockedOrPerNodeOnPurpose() throws ClassNotFoundException {
        List<String> scheduled = new ArrayList<>();
        List<String> unlocked = new ArrayList<>();
        List<String> lockNames = new ArrayList<>();
        List<String> cronReleasedAtOnce = new ArrayList<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.rightsflow")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Scheduled.class)) {
                    continue;
                }
                String job = type.getSimpleName() + "#" + method.getName();
                scheduled.add(job);
                SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
                if (lock != null) {
                    lockNames.add(lock.name());
                    if (!method.getAnnotation(Scheduled.class).cron().isEmpty() && lock.lockAtLeastFor().isEmpty()) {
                        cronReleasedAtOnce.add(job);
                    }
                } else if (!PER_NODE.contains(job)) {
                    unlocked.add(job);
                }
            }
        }
        assertThat(scheduled).as("the scan finds the jobs").contains("MorningDigest#sendOnSchedule", "OutboxDispatcher#dispatchDue");
        assertThat(unlocked).as("scheduled jobs without a cluster lock").isEmpty();
        assertThat(lockNames).as("each job its own lock").doesNotHaveDuplicates();
        // Every node's cron fires at the same second: a lock released as soon as a short run ends lets a node whose
        // trigger came a moment later run the same turn again.
        assertThat(cronReleasedAtOnce).as("cron jobs whose lock is not held at least a while").isEmpty();
        assertThat(lockNames).hasSize(scheduled.size() - PER_NODE.size());
    }
}
