package org.rightsflow.optout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.BatchContext;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.StepView;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Guards against resurrection: reads the identities of every system whose connector can list them, and looks each
 * up on the suppression list. An erased person found again (a backup restored, an ETL import) is erased again in
 * that system, through the same connector step as the original erasure, and the original request's timeline says
 * so. The people opted out are given their opt-out again in one batch per system, since a restore may have reset
 * their flags too.
 */
@Service
public class ResurrectionGuard {

    /** The actor of the steps the guard runs, in journals and timelines. */
    public static final String ACTOR = "resurrection-guard";
    private static final Logger log = LoggerFactory.getLogger(ResurrectionGuard.class);
    private static final int CHUNK = 1_000;

    private final SystemRegistry systems;
    private final SystemActions actions;
    private final SuppressionList suppression;
    private final RequestDirectory requests;
    private final Timeline timeline;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ResurrectionGuard(SystemRegistry systems, SystemActions actions, SuppressionList suppression,
                      RequestDirectory requests, Timeline timeline, JdbcTemplate jdbc, TransactionTemplate transaction,
                      Clock clock) {
        this.systems = systems;
        this.actions = actions;
        this.suppression = suppression;
        this.requests = requests;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What one scan found and did, per system. */
    public record ScanReport(Instant at, List<SystemScan> systems) {
        public int erasedAgain() {
            return systems.stream().mapToInt(SystemScan::erasedAgain).sum();
        }
    }

    /**
     * @param scanned      identities read from the system
     * @param erasedAgain  erased people found there and erased again
     * @param optOutsAgain opted-out people found there whose opt-out was applied again
     * @param problem      why the scan or a step failed in this system (it is retried at the next scan), or null
     */
    public record SystemScan(String system, int scanned, int erasedAgain, int optOutsAgain, String problem) {
    }

    // The value is in application.yml (declared by SuppressionProperties): a placeholder default would be a second.
    @Scheduled(cron = "${rightsflow.suppression.scan-cron}")
    // A scan reads every system it can; a node that dies mid-scan frees the lock for the next night's run. Held at
    // least 10 minutes: a node whose trigger fires late must not start a second scan after a short first one.
    @SchedulerLock(name = "resurrection-guard", lockAtMostFor = "PT6H", lockAtLeastFor = "PT10M")
    void scanOnSchedule() {
        ScanReport report = scan();
        log.info("Resurrection guard: {} system(s) scanned, {} erased identit(ies) found again and erased again",
                report.systems().size(), report.erasedAgain());
    }

    /** Scans every active system whose connector can list its identities. Never throws for one system's failure. */
    public ScanReport scan() {
        Instant at = clock.instant();
        List<SystemScan> scans = new ArrayList<>();
        for (SystemView system : systems.all()) {
            if (system.active() && systems.canScanIdentities(system.id())) {
                scans.add(scan(system));
            }
        }
        return new ScanReport(at, scans);
    }

    private SystemScan scan(SystemView system) {
        List<DataSubject> chunk = new ArrayList<>(CHUNK);
        Map<String, DataSubject> erased = new LinkedHashMap<>();
        Map<Purpose, List<DataSubject>> optedOut = new EnumMap<>(Purpose.class);
        Map<String, String> erasureOf = new LinkedHashMap<>();
        int[] scanned = {0};
        try {
            actions.scanIdentities(system.id(), subject -> {
                if (subject.email() == null || subject.email().isBlank()) {
                    return;
                }
                scanned[0]++;
                chunk.add(subject);
                if (chunk.size() == CHUNK) {
                    lookUp(chunk, erased, erasureOf, optedOut);
                    chunk.clear();
                }
            });
            lookUp(chunk, erased, erasureOf, optedOut);
        } catch (ConnectorException e) {
            return new SystemScan(system.name(), scanned[0], 0, 0, e.getMessage());
        }
        int erasedAgain = 0;
        String problem = null;
        for (Map.Entry<String, DataSubject> found : erased.entrySet()) {
            try {
                eraseAgain(system, erasureOf.get(found.getKey()), found.getKey(), found.getValue());
                erasedAgain++;
            } catch (RuntimeException e) {
                problem = "An erasure could not be applied again: " + e.getMessage();
            }
        }
        int optOutsAgain = 0;
        for (Map.Entry<Purpose, List<DataSubject>> entry : optedOut.entrySet()) {
            ConnectorAction action = entry.getKey() == Purpose.SALE_SHARING ? ConnectorAction.OPT_OUT
                    : ConnectorAction.LIMIT_USE;
            if (!system.requestTypes().contains(entry.getKey().requestType())
                    || !systems.supportsBatch(system.id(), action)) {
                continue;
            }
            String reference = "GUARD-" + clock.instant().toEpochMilli();
            try {
                transaction.executeWithoutResult(status -> {
                    StepView step = actions.performBatch(system.id(), new BatchContext(reference, action, null,
                            entry.getValue(), reference + "/" + system.id()), ACTOR);
                    timeline.record(reference, ACTOR, TimelineKind.SYSTEM_STEP, system.name() + ": opt-outs applied "
                            + "again to the people on the suppression list found there. " + step.summary());
                });
                optOutsAgain += entry.getValue().size();
            } catch (RuntimeException e) {
                problem = "Opt-outs could not be applied again: " + e.getMessage();
            }
        }
        return new SystemScan(system.name(), scanned[0], erasedAgain, optOutsAgain, problem);
    }

    private void lookUp(List<DataSubject> chunk, Map<String, DataSubject> erased, Map<String, String> erasureOf,
                        Map<Purpose, List<DataSubject>> optedOut) {
        if (chunk.isEmpty()) {
            return;
        }
        List<String> keys = chunk.stream().map(subject -> suppression.keyOf(subject.email())).toList();
        Map<String, SuppressionList.Entry> found = suppression.lookUp(keys);
        for (int i = 0; i < chunk.size(); i++) {
            SuppressionList.Entry entry = found.get(keys.get(i));
            if (entry == null) {
                continue;
            }
            if (!entry.erasures().isEmpty()) {
                erased.putIfAbsent(keys.get(i), chunk.get(i));
                erasureOf.put(keys.get(i), entry.erasures().get(entry.erasures().size() - 1));
            } else {
                for (Purpose purpose : entry.optedOut()) {
                    optedOut.computeIfAbsent(purpose, p -> new ArrayList<>()).add(chunk.get(i));
                }
            }
        }
    }

    /** Runs the erasure again in this system, under the request that erased the person, and records why. */
    private void eraseAgain(SystemView system, String reference, String subjectKey, DataSubject subject) {
        RequestDetails request = requests.get(reference);
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            StepView step = actions.perform(reference, system.id(), ConnectorAction.ERASE, new ActionContext(reference,
                    RequestType.DELETION, request.regime(), request.due(), subject, Map.of(), null,
                    reference + "/" + system.id() + "/again-" + now.toEpochMilli()), ACTOR);
            timeline.record(reference, ACTOR, TimelineKind.SYSTEM_STEP, "The erased person was found again in "
                    + system.name() + " (a backup restore or an import brought the data back) and was erased again: "
                    + step.summary());
            jdbc.update("insert into resurrection_finding (subject_key, system_id, reason, request_reference, found_at, "
                            + "reapplied_at, summary) values (?, ?, ?, ?, ?, ?, ?)", subjectKey, system.id(), "ERASED",
                    reference, Timestamp.from(now), Timestamp.from(clock.instant()), truncate(step.summary()));
        });
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
