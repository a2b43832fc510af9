package org.rightsflow.optout;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.support.DataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cuts the waiting opt-outs into batches, one per purpose, and keeps the batches' records. Each batch is carried
 * to the systems by one process (workflow module, on {@link OptOutBatchCut}), not one process per person: a
 * website may forward a hundred thousand GPC signals a day. A batch's timeline (under its reference) records what
 * happened to it, like a request's.
 */
@Service
public class OptOutBatches {

    private static final Logger log = LoggerFactory.getLogger(OptOutBatches.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DataCipher cipher;
    private final ApplicationEventPublisher events;
    private final Timeline timeline;
    private final StatutoryClock statutoryClock;
    private final OptOutProperties properties;
    private final Clock clock;

    OptOutBatches(JdbcTemplate jdbc, TransactionTemplate transaction, DataCipher cipher,
                  ApplicationEventPublisher events, Timeline timeline, StatutoryClock statutoryClock,
                  OptOutProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cipher = cipher;
        this.events = events;
        this.timeline = timeline;
        this.statutoryClock = statutoryClock;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs the cut on the configured rhythm ({@code rightsflow.opt-out.batch-every}). */
    // The value is in application.yml (declared by OptOutProperties): a placeholder default would be a second.
    @Scheduled(fixedDelayString = "${rightsflow.opt-out.batch-every}",
            initialDelayString = "${rightsflow.opt-out.batch-every}")
    @SchedulerLock(name = "opt-out-batch-cut")
    void cutOnSchedule() {
        List<BatchView> cut = cutWaiting();
        if (!cut.isEmpty()) {
            log.info("Cut {} opt-out batch(es): {}", cut.size(), cut.stream().map(BatchView::reference).toList());
        }
    }

    /**
     * Puts the opt-outs waiting for each purpose into a new batch (at most {@code batch-size} each; the rest wait
     * for the next cut) and starts their propagation. Each batch commits on its own.
     *
     * @return the batches cut, none when nothing was waiting
     */
    public List<BatchView> cutWaiting() {
        List<BatchView> cut = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            Optional<BatchView> batch = transaction.execute(status -> cut(purpose));
            batch.ifPresent(cut::add);
        }
        return cut;
    }

    private Optional<BatchView> cut(Purpose purpose) {
        Instant now = clock.instant();
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into opt_out_batch (reference, purpose, "
                    + "status, size, due_on, created_at, version) values (?, ?, ?, 0, ?, ?, 0)", new String[] {"id"});
            insert.setString(1, "OPT-pending-" + now.toEpochMilli());
            insert.setString(2, purpose.name());
            insert.setString(3, BatchStatus.IN_PROGRESS.name());
            insert.setObject(4, statutoryClock.dateOf(now));
            insert.setTimestamp(5, Timestamp.from(now));
            return insert;
        }, generated);
        long id = generated.getKeyList().get(0).values().stream().map(Number.class::cast).findFirst().orElseThrow()
                .longValue();
        // Rows another node is cutting at the same moment are locked by its update; each row joins one batch only.
        int size = jdbc.update("""
                update opt_out_delivery set batch_id = ?
                where record_id in (select record_id from opt_out_delivery
                                    where batch_id is null and purpose = ? order by record_id fetch first ? rows only)
                  and batch_id is null""", id, purpose.name(), properties.batchSize());
        if (size == 0) {
            jdbc.update("delete from opt_out_batch where id = ?", id);
            return Optional.empty();
        }
        LocalDate dueOn = jdbc.queryForObject("select min(r.due_on) from opt_out_delivery d "
                + "join consent_record r on r.id = d.record_id where d.batch_id = ?", LocalDate.class, id);
        String reference = "OPT-" + statutoryClock.dateOf(now).getYear() + "-" + String.format("%06d", id);
        jdbc.update("update opt_out_batch set reference = ?, size = ?, due_on = ? where id = ?", reference, size,
                dueOn, id);
        timeline.record(reference, Actors.SYSTEM, TimelineKind.SUBMITTED, String.format(
                "Batch of %,d %s cut from the ledger; every system must apply it by %s (the earliest due date of its "
                        + "opt-outs).", size, purpose.choicesInPlural(), dueOn));
        events.publishEvent(new OptOutBatchCut(id, reference, purpose, size, dueOn));
        return Optional.of(new BatchView(id, reference, purpose, BatchStatus.IN_PROGRESS, size, dueOn, now, null));
    }

    @Transactional(readOnly = true)
    public Optional<BatchView> find(long id) {
        return jdbc.query(SELECT_BATCH + " where id = ?", OptOutBatches::view, id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<BatchView> find(String reference) {
        return jdbc.query(SELECT_BATCH + " where reference = ?", OptOutBatches::view, reference).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public BatchView get(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No opt-out batch " + id));
    }

    /** The most recent batches, newest first. */
    @Transactional(readOnly = true)
    public List<BatchView> recent(int limit) {
        return jdbc.query(SELECT_BATCH + " order by id desc fetch first ? rows only", OptOutBatches::view, limit);
    }

    /** How many opt-outs wait for the next cut. */
    @Transactional(readOnly = true)
    public long waiting() {
        Long count = jdbc.queryForObject("select count(*) from opt_out_delivery where batch_id is null", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * When the oldest opt-out not yet carried out to its systems was received: the lag of the batches, which the
     * 15-business-day rule of CCPA §7026(f) is measured against. Empty when everything is delivered.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> oldestUndeliveredSince() {
        Timestamp oldest = jdbc.queryForObject("select min(r.received_at) from opt_out_delivery d "
                + "join consent_record r on r.id = d.record_id where d.delivered_at is null", Timestamp.class);
        return Optional.ofNullable(oldest).map(Timestamp::toInstant);
    }

    /**
     * The people of a batch, once each, for the connectors. Personal data: for the step that carries the batch to
     * a system, never for logs. Empty once the batch is completed (the emails are erased then).
     */
    @Transactional(readOnly = true)
    public List<DataSubject> subjectsOf(long batchId) {
        Set<String> emails = new LinkedHashSet<>();
        jdbc.query("select key_id, email_cipher from opt_out_delivery where batch_id = ? and email_cipher is not null "
                + "order by record_id", row -> {
                    emails.add(new String(cipher.decrypt(row.getString(1), row.getString(2)), StandardCharsets.UTF_8));
                }, batchId);
        return emails.stream().map(email -> new DataSubject(email, null, null)).toList();
    }

    /**
     * Marks the batch carried out in every system: each of its opt-outs gets its completion date, and the emails
     * kept for the systems are erased, leaving only the ledger's keyed hashes.
     */
    @Transactional
    public BatchView complete(long batchId) {
        BatchView batch = get(batchId);
        if (batch.status() == BatchStatus.COMPLETED) {
            return batch;
        }
        Instant now = clock.instant();
        jdbc.update("update opt_out_delivery set delivered_at = ?, key_id = null, email_cipher = null "
                + "where batch_id = ?", Timestamp.from(now), batchId);
        jdbc.update("update opt_out_batch set status = ?, completed_at = ?, version = version + 1 where id = ?",
                BatchStatus.COMPLETED.name(), Timestamp.from(now), batchId);
        LocalDate today = statutoryClock.dateOf(now);
        timeline.record(batch.reference(), Actors.SYSTEM, TimelineKind.CLOSED, String.format(
                "Carried out in every system%s. The emails kept for the systems were erased.",
                today.isAfter(batch.dueOn()) ? ", late (due " + batch.dueOn() + ")" : " by its due date " + batch.dueOn()));
        return get(batchId);
    }

    private static final String SELECT_BATCH = "select id, reference, purpose, status, size, due_on, created_at, "
            + "completed_at from opt_out_batch";

    private static BatchView view(ResultSet row, int n) throws SQLException {
        return new BatchView(row.getLong(1), row.getString(2), Purpose.valueOf(row.getString(3)),
                BatchStatus.valueOf(row.getString(4)), row.getInt(5), row.getObject(6, LocalDate.class),
                row.getTimestamp(7).toInstant(), row.getTimestamp(8) == null ? null : row.getTimestamp(8).toInstant());
    }
}
