package org.rightsflow.connector.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.TableReport;

/**
 * An opt-out or a limit of sensitive data use for a batch of people, set-based: per chunk of people, one query finds
 * the keys of their identity rows, and each table that declares columns for the action is then counted and updated
 * by those keys (a child by its foreign key), a few hundred people per statement. Reading each person's rows one by
 * one, as a single request does, would take a hundred thousand round trips for a large batch.
 *
 * <p>Who is found is decided exactly as for a single request ({@link SubjectKey}: the email ignoring case, and the
 * account id too when the mapping and the person have one), and the tables are reached through the same foreign
 * keys, so a batch changes the same rows as the same people's requests would, one by one. Updates change only rows
 * that differ, so a chunk run again (a retry after a failure in a later chunk) changes nothing more.
 */
final class BatchUpdates {

    /** People per chunk, and per transaction: a failure loses at most one chunk's work, and retries redo it. */
    static final int PEOPLE_PER_CHUNK = SqlExecutor.CHUNK_SIZE;

    private final SqlMapping mapping;
    private final SqlExecutor executor;
    private final ConnectorAction action;
    private final MappedTable identity;
    /** Identity rows handled by an earlier chunk: two entries for one person count and change once. */
    private final Set<Object> done = new HashSet<>();
    /** Per table that declares columns for the action: rows found and rows updated, over all chunks. */
    private final Map<MappedTable, int[]> counts = new LinkedHashMap<>();
    private SqlExecutor.ColumnType accountIdType;

    BatchUpdates(SqlMapping mapping, SqlExecutor executor, ConnectorAction action) {
        this.mapping = mapping;
        this.executor = executor;
        this.action = action;
        this.identity = mapping.identityTable();
        for (MappedTable table : mapping.tables()) {
            if (!table.declaredValues(action).isEmpty()) {
                counts.put(table, new int[2]);
            }
        }
    }

    /**
     * The people's keys without repeats (the same email in another case is the same key), cut into chunks in the
     * order given; people who match nothing (no identifier the mapping compares) are left out.
     */
    List<List<SubjectKey>> chunks(List<DataSubject> subjects) {
        Set<SubjectKey> keys = new LinkedHashSet<>();
        for (DataSubject subject : subjects) {
            SubjectKey.of(subject, identity.match(), this::accountIdType).ifPresent(keys::add);
        }
        List<SubjectKey> all = new ArrayList<>(keys);
        List<List<SubjectKey>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PEOPLE_PER_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + PEOPLE_PER_CHUNK)));
        }
        return chunks;
    }

    /** Applies the action to one chunk of people; the caller commits. */
    void apply(List<SubjectKey> chunk) {
        Set<Object> keys = new LinkedHashSet<>(identityKeys(chunk));
        keys.removeAll(done);
        done.addAll(keys);
        if (keys.isEmpty()) {
            return;
        }
        // The values each table's children refer to, read once per chunk: "orders.id" of these people's orders.
        Map<String, Set<Object>> referred = new HashMap<>();
        for (Map.Entry<MappedTable, int[]> entry : counts.entrySet()) {
            MappedTable table = entry.getKey();
            Set<Object> selectors = selectorValues(table, keys, referred);
            if (selectors.isEmpty()) {
                continue;
            }
            int found = table.isIdentityTable() ? keys.size()
                    : executor.countWhereIn(table, table.foreignKey(), selectors);
            int updated = executor.updateWhereIn(SubjectUpdates.doing(action, table), table,
                    table.declaredValues(action), table.selectorColumn(), selectors);
            entry.getValue()[0] += found;
            entry.getValue()[1] += updated;
        }
    }

    /** How many identity rows (accounts) the batch found. */
    int found() {
        return done.size();
    }

    /** Per table that declares columns for the action and where rows were found: what was found and changed. */
    List<TableReport> reports() {
        List<TableReport> reports = new ArrayList<>();
        counts.forEach((table, count) -> {
            if (count[0] > 0) {
                reports.add(new TableReport(table.name(), count[0], 0, count[1], 0, 0, 0, List.of()));
            }
        });
        return reports;
    }

    /**
     * The keys of the identity rows of a chunk of people, grouped by which identifiers each person is compared by,
     * one query per group: {@code LOWER(email) IN (…)} serves an index on {@code lower(email)} as a single lookup does.
     */
    private Set<Object> identityKeys(List<SubjectKey> chunk) {
        MappedTable.SubjectMatch match = identity.match();
        String key = identity.key().get(0);
        List<Object> emails = new ArrayList<>();
        List<Object> accountIds = new ArrayList<>();
        List<SubjectKey> both = new ArrayList<>();
        for (SubjectKey subject : chunk) {
            if (subject.byEmail() && subject.byAccountId()) {
                both.add(subject);
            } else if (subject.byEmail()) {
                emails.add(subject.email());
            } else {
                accountIds.add(subject.accountId());
            }
        }
        Set<Object> keys = new LinkedHashSet<>();
        if (!emails.isEmpty()) {
            keys.addAll(executor.selectDistinct(identity, key, SqlStatements.in("LOWER(" + match.emailColumn() + ")",
                    emails.size()), emails));
        }
        if (!accountIds.isEmpty()) {
            keys.addAll(executor.selectDistinct(identity, key, SqlStatements.in(match.accountIdColumn(),
                    accountIds.size()), accountIds));
        }
        if (!both.isEmpty()) {
            // Both must match, each person's pair on its own: an account id narrows a match, never widens it.
            List<Object> params = new ArrayList<>();
            both.forEach(subject -> params.addAll(subject.params()));
            keys.addAll(executor.selectDistinct(identity, key,
                    SqlStatements.anyOf(both.get(0).condition(match), both.size()), params));
        }
        return keys;
    }

    /**
     * The values of {@link MappedTable#selectorColumn()} that address the table's rows of these people: the identity
     * rows' keys, or for a child the values its foreign key refers to in the parent's rows of these people.
     */
    private Set<Object> selectorValues(MappedTable table, Set<Object> keys, Map<String, Set<Object>> referred) {
        if (table.isIdentityTable()) {
            return keys;
        }
        return referredValues(table.parent(), table.parentKey(), keys, referred);
    }

    /** The distinct values of {@code column} in the table's rows of these people. */
    private Set<Object> referredValues(MappedTable table, String column, Set<Object> keys,
                                       Map<String, Set<Object>> referred) {
        if (table.isIdentityTable() && column.equals(table.key().get(0))) {
            return keys;
        }
        String name = table.name() + "." + column;
        Set<Object> values = referred.get(name);
        if (values == null) {
            Set<Object> selectors = selectorValues(table, keys, referred);
            values = selectors.isEmpty() ? Set.of()
                    : executor.selectDistinctWhereIn(table, column, table.selectorColumn(), selectors);
            referred.put(name, values);
        }
        return values;
    }

    private SqlExecutor.ColumnType accountIdType() {
        if (accountIdType == null) {
            String column = identity.match().accountIdColumn();
            accountIdType = executor.columnTypes(identity, List.of(column)).get(column);
        }
        return accountIdType;
    }

    @Override
    public String toString() {
        return "BatchUpdates[" + action + ", " + done.size() + " found]";
    }
}
