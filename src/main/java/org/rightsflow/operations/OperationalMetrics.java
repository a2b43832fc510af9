package org.rightsflow.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.notification.Outbox;
import org.rightsflow.notification.OutboxBacklog;
import org.rightsflow.optout.OptOutBatches;
import org.rightsflow.request.RequestCounts;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.workflow.EngineStatistics;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rightsflow's state as gauges ({@code rightsflow_*} on the Prometheus endpoint). The counts are taken every
 * {@code rightsflow.metrics.refresh-every} and held, so a scrape reads numbers and never queries the database. Every
 * node reports the same database-wide figures: take the maximum across nodes, not the sum.
 */
@Component
public class OperationalMetrics {

    /** "Due soon" means due within this many days, today included: the horizon of the staff's morning digest. */
    static final int DUE_SOON_DAYS = 7;

    private final RequestDirectory requests;
    private final EngineStatistics engine;
    private final Outbox outbox;
    private final OptOutBatches optOuts;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    private final MultiGauge requestsByStatus;
    private final AtomicLong dueSoon = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong jobBacklog = new AtomicLong();
    private final AtomicLong failedJobs = new AtomicLong();
    private final AtomicLong incidents = new AtomicLong();
    private final AtomicLong outboxUndelivered = new AtomicLong();
    private final AtomicLong outboxFailed = new AtomicLong();
    private final AtomicLong outboxOldestSeconds = new AtomicLong();
    private final AtomicLong optOutLagSeconds = new AtomicLong();

    OperationalMetrics(RequestDirectory requests, EngineStatistics engine, Outbox outbox, OptOutBatches optOuts,
                       StatutoryClock statutoryClock, Clock clock, MeterRegistry meters) {
        this.requests = requests;
        this.engine = engine;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
        requestsByStatus = MultiGauge.builder("rightsflow.requests")
                .description("Requests per status and law").register(meters);
        gauge(meters, "rightsflow.requests.due.soon", dueSoon,
                "Requests not yet answered that are due within " + DUE_SOON_DAYS + " days");
        gauge(meters, "rightsflow.requests.overdue", overdue, "Requests not yet answered past their due date");
        gauge(meters, "rightsflow.jobs.backlog", jobBacklog, "Engine jobs due and waiting for a job executor");
        gauge(meters, "rightsflow.jobs.failed", failedJobs, "Engine jobs with no retries left");
        gauge(meters, "rightsflow.incidents.open", incidents, "Open engine incidents");
        gauge(meters, "rightsflow.outbox.undelivered", outboxUndelivered, "Messages not yet delivered");
        gauge(meters, "rightsflow.outbox.failed", outboxFailed, "Messages given up after the last attempt");
        Gauge.builder("rightsflow.outbox.oldest", outboxOldestSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest undelivered message").register(meters);
        Gauge.builder("rightsflow.optout.lag", optOutLagSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest opt-out not yet carried out to its systems").register(meters);
    }

    private static void gauge(MeterRegistry meters, String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get).description(description).register(meters);
    }

    /** Takes every count again; runs on the schedule and at start, and may be called to refresh at once. */
    // No @SchedulerLock on purpose: each node publishes these gauges from its own memory, so each must count for
    // itself; a cluster-wide lock would leave the other nodes' gauges stale.
    @Scheduled(fixedDelayString = "${rightsflow.metrics.refresh-every}")
    public void refresh() {
        Instant now = clock.instant();
        RequestCounts counts = requests.counts(statutoryClock.dateOf(now), DUE_SOON_DAYS);
        requestsByStatus.register(counts.byStatusAndRegime().stream()
                .map(count -> MultiGauge.Row.of(Tags.of("status", count.status().name(), "regime",
                        count.regime().name()), count.count()))
                .toList(), true);
        dueSoon.set(counts.dueSoon());
        overdue.set(counts.overdue());
        jobBacklog.set(engine.jobBacklog());
        failedJobs.set(engine.failedJobs());
        incidents.set(engine.openIncidents());
        OutboxBacklog backlog = outbox.backlog();
        outboxUndelivered.set(backlog.undelivered());
        outboxFailed.set(backlog.failed());
        outboxOldestSeconds.set(secondsSince(backlog.oldestUndeliveredSince().orElse(now), now));
        optOutLagSeconds.set(secondsSince(optOuts.oldestUndeliveredSince().orElse(now), now));
    }

    private static long secondsSince(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toSeconds());
    }
}
