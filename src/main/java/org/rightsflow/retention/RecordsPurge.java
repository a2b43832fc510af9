package org.rightsflow.retention;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rightsflow.deadline.Regime;
import org.rightsflow.request.ClosedRequests;
import org.rightsflow.support.RetainedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the records of every request kept for its whole period: each module's ({@link RetainedRecords}, the
 * request itself last), in one transaction per batch, so a batch is gone entirely or not at all, and a purge that
 * stops half-way leaves whole requests for the next one. The log keeps counts only.
 */
@Component
public class RecordsPurge {

    private static final Logger log = LoggerFactory.getLogger(RecordsPurge.class);

    private final ClosedRequests closed;
    private final RetentionPolicy policy;
    private final List<RetainedRecords> records;
    private final PurgeLog purges;
    private final RetentionProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RecordsPurge(ClosedRequests closed, RetentionPolicy policy, List<RetainedRecords> records, PurgeLog purges,
                 RetentionProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.closed = closed;
        this.policy = policy;
        this.records = List.copyOf(records);
        this.purges = purges;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** In the clock's zone, read from the display dates ({@code @dates}), whose zone is the statutory clock's. */
    @Scheduled(cron = "${rightsflow.retention.cron}", zone = "#{@dates.zone().id}")
    // Once per cluster, held a while after a short run (RetentionProperties.lockAtLeastFor): every node fires at the
    // same second. At most six hours, longer than any purge of a backlog.
    @SchedulerLock(name = "records-retention-purge", lockAtMostFor = "PT6H",
            lockAtLeastFor = "${rightsflow.retention.lock-at-least-for}")
    void purgeOnSchedule() {
        PurgeReport report = purgeNow();
        log.info("Records purge: {} request(s) past their retention period removed {}", report.requests(),
                report.removed());
    }

    /** What the next purge would remove now: per law, the period and how many requests are past it. */
    public List<LawPreview> preview() {
        return java.util.Arrays.stream(Regime.values())
                .map(law -> new LawPreview(law, policy.periodOf(law), policy.cutoff(law),
                        closed.countClosedBefore(law, policy.cutoff(law))))
                .toList();
    }

    /** Removes now every request past its period, logs the counts and returns them. */
    public PurgeReport purgeNow() {
        Map<String, Integer> removed = new LinkedHashMap<>();
        records.forEach(kind -> removed.put(kind.kind(), 0));
        int requests = 0;
        for (Regime law : Regime.values()) {
            List<String> batch;
            do {
                batch = closed.closedBefore(law, policy.cutoff(law), properties.batchSize()).stream()
                        .map(ClosedRequests.Closed::reference).toList();
                if (batch.isEmpty()) {
                    break;
                }
                List<String> references = batch;
                Map<String, Integer> counts = transactions.execute(status -> removeAll(references));
                counts.forEach((kind, count) -> removed.merge(kind, count, Integer::sum));
                requests += batch.size();
            } while (batch.size() == properties.batchSize());
        }
        PurgeReport report = new PurgeReport(clock.instant(), requests, removed);
        purges.record(report);
        return report;
    }

    private Map<String, Integer> removeAll(List<String> references) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RetainedRecords kind : records) {
            counts.merge(kind.kind(), kind.removeOf(references), Integer::sum);
        }
        return counts;
    }
}
