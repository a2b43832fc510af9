package org.rightsflow.optout;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.support.DataCipher;
import org.rightsflow.support.SubjectHashes;
import org.rightsflow.request.Channel;
import org.rightsflow.request.RequestClosed;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestOutcome;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consent and preference ledger: appends every choice that changes something, keeps the current state per
 * person and purpose, and queues each opt-out for the systems. Written with JDBC batches, not one entity at a time:
 * opt-outs are the most numerous requests a company receives, and a website forwards thousands at once.
 *
 * <p>A call is all or nothing: every signal of it is in the ledger when it returns, or none is.
 */
@Service
public class ConsentLedger {

    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SubjectHashes keys;
    private final DataCipher cipher;
    private final StatutoryClock statutoryClock;
    private final RequestDirectory requests;
    private final Clock clock;

    ConsentLedger(JdbcTemplate jdbc, TransactionTemplate transaction, SubjectHashes keys, DataCipher cipher,
                  StatutoryClock statutoryClock, RequestDirectory requests, Clock clock) {
        this.requests = requests;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.keys = keys;
        this.cipher = cipher;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
    }

    /**
     * Records the signals of one call, in their order. Emails must be valid addresses (callers report invalid ones
     * themselves, per item). Two calls about the same new person at the same moment may race for the current state;
     * the loser runs again, as a whole, and then sees the winner's choice.
     */
    public List<Recorded> record(List<Signal> signals) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> recordOnce(signals, true));
            } catch (DuplicateKeyException race) {
                if (attempt == ATTEMPTS) {
                    throw race;
                }
            }
        }
    }

    /** The person's current choices, by purpose; purposes never chosen are absent (nobody is opted out by default). */
    public Map<Purpose, ConsentState> stateOf(String email) {
        Map<Purpose, ConsentState> states = new EnumMap<>(Purpose.class);
        jdbc.query("""
                select s.purpose, s.choice, r.source, s.changed_at, s.record_id
                from consent_state s join consent_record r on r.id = s.record_id
                where s.subject_key = ?""", row -> {
            Purpose purpose = Purpose.valueOf(row.getString(1));
            states.put(purpose, new ConsentState(purpose, Choice.valueOf(row.getString(2)),
                    SignalSource.valueOf(row.getString(3)), row.getTimestamp(4).toInstant(), row.getLong(5)));
        }, keys.ofEmail(email));
        return states;
    }

    /** Every record about the person, oldest first: the evidence of each choice and of its propagation. */
    public List<ConsentRecordView> historyOf(String email) {
        return jdbc.query("""
                select r.id, r.purpose, r.choice, r.source, r.regime, r.received_at, r.due_on, b.reference,
                       b.completed_at
                from consent_record r
                left join opt_out_delivery d on d.record_id = r.id
                left join opt_out_batch b on b.id = d.batch_id
                where r.subject_key = ? order by r.id""", (row, n) -> new ConsentRecordView(row.getLong(1),
                Purpose.valueOf(row.getString(2)), Choice.valueOf(row.getString(3)),
                SignalSource.valueOf(row.getString(4)), Regime.valueOf(row.getString(5)),
                row.getTimestamp(6).toInstant(), row.getObject(7, LocalDate.class), row.getString(8),
                row.getTimestamp(9) == null ? null : row.getTimestamp(9).toInstant()), keys.ofEmail(email));
    }

    /**
     * An opt-out or limit that a request process already carried to every system (a request made through the general
     * request form or API): the ledger and the suppression list learn of it, and no batch carries it again.
     */
    @EventListener
    void on(RequestClosed closed) {
        if (closed.outcome() != RequestOutcome.COMPLETED) {
            return;
        }
        RequestDetails request = requests.get(closed.reference());
        Purpose purpose = switch (request.type()) {
            case OPT_OUT -> Purpose.SALE_SHARING;
            case LIMIT_SENSITIVE -> Purpose.SENSITIVE_USE;
            default -> null;
        };
        if (purpose != null) {
            // Requests staff typed in from an email, letter or call count as forwarded, like the API's.
            SignalSource source = request.channel() == Channel.WEB_FORM ? SignalSource.FORM : SignalSource.API;
            recordOnce(List.of(new Signal(request.subject().email(), purpose, Choice.OPT_OUT, source, request.regime(),
                    request.receivedAt())), false);
        }
    }

    /**
     * The opt-outs and limits received in [from, to) that the ledger carried to the systems (those made as requests
     * are in the request records), for the records and metrics: when each came, was due and was carried out.
     */
    public List<OptOutRecord> optOutsReceivedBetween(Instant from, Instant to) {
        return jdbc.query("""
                select r.purpose, r.source, r.regime, r.received_at, r.due_on, d.delivered_at
                from consent_record r join opt_out_delivery d on d.record_id = r.id
                where r.received_at >= ? and r.received_at < ? order by r.id""", (row, n) -> new OptOutRecord(
                Purpose.valueOf(row.getString(1)), SignalSource.valueOf(row.getString(2)),
                Regime.valueOf(row.getString(3)), row.getTimestamp(4).toInstant(), row.getObject(5, LocalDate.class),
                row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant()),
                Timestamp.from(from), Timestamp.from(to));
    }

    private List<Recorded> recordOnce(List<Signal> signals, boolean queueForSystems) {
        Instant now = clock.instant();
        List<String> subjectKeys = signals.stream().map(signal -> keys.ofEmail(signal.email())).toList();
        Map<String, Choice> current = currentChoices(subjectKeys);

        List<Recorded> outcomes = new ArrayList<>(signals.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Integer> toWrite = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            Signal signal = signals.get(i);
            String stateKey = subjectKeys.get(i) + "|" + signal.purpose();
            Integer earlier = firstIndex.putIfAbsent(stateKey, i);
            if (earlier != null) {
                outcomes.add(new Recorded(i, Recorded.Outcome.DUPLICATE, earlier, null, null));
            } else if (current.get(stateKey) == signal.choice()) {
                outcomes.add(new Recorded(i, Recorded.Outcome.UNCHANGED, null, null, null));
            } else {
                outcomes.add(null); // filled in once the record has its id
                toWrite.add(i);
            }
        }
        if (toWrite.isEmpty()) {
            return outcomes;
        }

        LocalDate[] dueOn = new LocalDate[signals.size()];
        for (int i : toWrite) {
            Signal signal = signals.get(i);
            dueOn[i] = signal.choice() == Choice.OPT_OUT ? statutoryClock.deadlineNeverLate(signal.regime(),
                    signal.purpose().requestType(), signal.receivedAt()).due() : null;
        }
        long[] ids = insertRecords(signals, subjectKeys, toWrite, dueOn, now);
        writeStates(signals, subjectKeys, toWrite, ids, current, now);
        if (queueForSystems) {
            queueDeliveries(signals, toWrite, ids);
        }
        for (int n = 0; n < toWrite.size(); n++) {
            int i = toWrite.get(n);
            outcomes.set(i, new Recorded(i, Recorded.Outcome.RECORDED, null, ids[n], dueOn[i]));
        }
        return outcomes;
    }

    /** subject key | purpose → current choice, for the people of the call. */
    private Map<String, Choice> currentChoices(List<String> subjectKeys) {
        Map<String, Choice> current = new HashMap<>();
        KeyChunks.forEach(subjectKeys, (chunk, marks) -> jdbc.query(
                "select subject_key, purpose, choice from consent_state where subject_key in (" + marks + ")",
                row -> {
                    current.put(row.getString(1) + "|" + row.getString(2), Choice.valueOf(row.getString(3)));
                }, chunk.toArray()));
        return current;
    }

    private long[] insertRecords(List<Signal> signals, List<String> subjectKeys, List<Integer> toWrite,
                                 LocalDate[] dueOn, Instant now) {
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement("""
                        insert into consent_record (subject_key, purpose, choice, source, regime, received_at,
                                                    recorded_at, due_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int n) throws java.sql.SQLException {
                        int i = toWrite.get(n);
                        Signal signal = signals.get(i);
                        statement.setString(1, subjectKeys.get(i));
                        statement.setString(2, signal.purpose().name());
                        statement.setString(3, signal.choice().name());
                        statement.setString(4, signal.source().name());
                        statement.setString(5, signal.regime().name());
                        statement.setTimestamp(6, Timestamp.from(signal.receivedAt()));
                        statement.setTimestamp(7, Timestamp.from(now));
                        statement.setObject(8, dueOn[i]);
                    }

                    @Override
                    public int getBatchSize() {
                        return toWrite.size();
                    }
                }, generated);
        List<Map<String, Object>> keyList = generated.getKeyList();
        if (keyList.size() != toWrite.size()) {
            throw new IllegalStateException("the database returned " + keyList.size() + " ids for " + toWrite.size()
                    + " ledger records");
        }
        long[] ids = new long[toWrite.size()];
        for (int n = 0; n < ids.length; n++) {
            Map<String, Object> row = keyList.get(n);
            Object id = row.containsKey("id") ? row.get("id") : row.containsKey("ID") ? row.get("ID")
                    : row.values().iterator().next();
            ids[n] = ((Number) id).longValue();
        }
        return ids;
    }

    private void writeStates(List<Signal> signals, List<String> subjectKeys, List<Integer> toWrite, long[] ids,
                             Map<String, Choice> current, Instant now) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (int n = 0; n < toWrite.size(); n++) {
            int i = toWrite.get(n);
            Signal signal = signals.get(i);
            String subjectKey = subjectKeys.get(i);
            if (current.containsKey(subjectKey + "|" + signal.purpose())) {
                updates.add(new Object[] {signal.choice().name(), ids[n], Timestamp.from(now), subjectKey,
                        signal.purpose().name()});
            } else {
                inserts.add(new Object[] {subjectKey, signal.purpose().name(), signal.choice().name(), ids[n],
                        Timestamp.from(now)});
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update consent_state set choice = ?, record_id = ?, changed_at = ? "
                    + "where subject_key = ? and purpose = ?", updates);
        }
        if (!inserts.isEmpty()) {
            // A concurrent call inserting the same new person fails here with a duplicate key: the call runs again.
            jdbc.batchUpdate("insert into consent_state (subject_key, purpose, choice, record_id, changed_at) "
                    + "values (?, ?, ?, ?, ?)", inserts);
        }
    }

    /** Each opt-out waits, with its email encrypted, for the next batch to carry it to the systems. */
    private void queueDeliveries(List<Signal> signals, List<Integer> toWrite, long[] ids) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < toWrite.size(); n++) {
            Signal signal = signals.get(toWrite.get(n));
            if (signal.choice() == Choice.OPT_OUT) {
                rows.add(new Object[] {ids[n], signal.purpose().name(), cipher.currentKeyId(),
                        cipher.encrypt(signal.email().strip().getBytes(StandardCharsets.UTF_8))});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into opt_out_delivery (record_id, purpose, key_id, email_cipher) "
                    + "values (?, ?, ?, ?)", rows);
        }
    }
}
