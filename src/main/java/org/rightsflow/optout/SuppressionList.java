package org.rightsflow.optout;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.RequestClosed;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.support.SubjectHashes;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who must not come back: those a deletion request erased, and those currently opted out (the ledger's
 * state). Only keyed hashes of their emails are kept. Other systems ask {@link #check} before importing or mailing
 * someone; {@link ResurrectionGuard} looks for them in the connected systems.
 */
@Service
public class SuppressionList {

    private final JdbcTemplate jdbc;
    private final SubjectHashes keys;
    private final RequestDirectory requests;
    private final Clock clock;

    SuppressionList(JdbcTemplate jdbc, SubjectHashes keys, RequestDirectory requests, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.requests = requests;
        this.clock = clock;
    }

    /** A completed deletion request puts its subject on the list, in the transaction that closes the request. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    void on(RequestClosed closed) {
        if (closed.outcome() != RequestOutcome.COMPLETED) {
            return;
        }
        RequestDetails request = requests.get(closed.reference());
        if (request.type() == RequestType.DELETION) {
            addErasure(request.reference(), request.subject().email());
        }
    }

    /** Records that the request erased this person (once per request). */
    @Transactional
    public void addErasure(String reference, String email) {
        Integer already = jdbc.queryForObject("select count(*) from suppression_entry where request_reference = ?",
                Integer.class, reference);
        if (already != null && already == 0) {
            jdbc.update("insert into suppression_entry (subject_key, request_reference, created_at) values (?, ?, ?)",
                    keys.ofEmail(email), reference, Timestamp.from(clock.instant()));
        }
    }

    /** What the list says about each email, in order. Emails must be valid addresses. */
    @Transactional(readOnly = true)
    public List<SuppressionStatus> check(List<String> emails) {
        List<String> subjectKeys = emails.stream().map(keys::ofEmail).toList();
        Map<String, Entry> found = lookUp(subjectKeys);
        List<SuppressionStatus> statuses = new ArrayList<>(emails.size());
        for (int i = 0; i < emails.size(); i++) {
            Entry entry = found.getOrDefault(subjectKeys.get(i), Entry.NONE);
            statuses.add(new SuppressionStatus(i, !entry.erasures().isEmpty(), entry.optedOut()));
        }
        return statuses;
    }

    /**
     * The list's entries for these keys (only those on the list): the deletion requests that erased each, and the
     * purposes each is opted out of.
     */
    Map<String, Entry> lookUp(List<String> subjectKeys) {
        Map<String, Entry> found = new HashMap<>();
        KeyChunks.forEach(subjectKeys, (chunk, marks) -> {
            jdbc.query("select subject_key, request_reference from suppression_entry where subject_key in (" + marks
                    + ") order by id", row -> {
                        found.computeIfAbsent(row.getString(1), key -> Entry.empty()).erasures().add(row.getString(2));
                    }, chunk.toArray());
            jdbc.query("select subject_key, purpose from consent_state where choice = 'OPT_OUT' and subject_key in ("
                    + marks + ")", row -> {
                        found.computeIfAbsent(row.getString(1), key -> Entry.empty()).optedOut()
                                .add(Purpose.valueOf(row.getString(2)));
                    }, chunk.toArray());
        });
        return found;
    }

    String keyOf(String email) {
        return keys.ofEmail(email);
    }

    /** One person on the list: the deletion requests that erased them, the purposes they opted out of. */
    record Entry(List<String> erasures, Set<Purpose> optedOut) {
        static final Entry NONE = new Entry(List.of(), Set.of());

        static Entry empty() {
            return new Entry(new ArrayList<>(), EnumSet.noneOf(Purpose.class));
        }
    }
}
