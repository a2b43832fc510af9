package org.rightsflow.connector.sql;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.DataSubject;

/**
 * Finds the subject's rows: the identity table's rows that match the subject, then, table by table down the relation
 * tree, the rows whose foreign key holds a key of a row already found. Nothing is ever found by anything but the
 * subject's identity and the keys of rows found from it, so another customer's rows cannot come along.
 */
final class SubjectFinder {

    private final SqlMapping mapping;
    private final SqlExecutor executor;

    SubjectFinder(SqlMapping mapping, SqlExecutor executor) {
        this.mapping = mapping;
        this.executor = executor;
    }

    /**
     * The subject's rows in every mapped table.
     *
     * @param lock whether to lock the rows read ({@code FOR UPDATE}), so that nothing changes between an erasure's
     *             read and its writes, and no new child row slips in under a parent about to be deleted
     */
    SubjectRows find(DataSubject subject, boolean lock) {
        return read(subject, null, lock, null);
    }

    /**
     * The subject's rows for an access request, looking back to {@code since} (null: everything): the rows of a table
     * that declares a {@code since} column only where that column is {@code >= since} or NULL. The identity table's
     * rows always come (they are the subject's account), and the lookback filters as it walks down the tree: a row
     * left out brings none of its children. Only access looks back; everything that changes data uses
     * {@link #find}, which reaches all of it.
     */
    SubjectRows findForAccess(DataSubject subject, Instant since) {
        return read(subject, null, false, since);
    }

    /**
     * The proof after an erasure: what the identity finds now, plus what the keys captured before the erasure still
     * find. The keys matter because the erasure may have masked the identity itself (a hashed email no longer
     * matches), while rows kept under it are still the subject's.
     */
    SubjectRows findAgain(DataSubject subject, SubjectRows before) {
        return read(subject, before, false, null);
    }

    private SubjectRows read(DataSubject subject, SubjectRows before, boolean lock, Instant since) {
        SubjectRows rows = new SubjectRows();
        MappedTable identity = mapping.identityTable();
        List<Row> roots = new ArrayList<>(byIdentity(identity, subject, lock));
        if (before != null) {
            String key = identity.key().get(0);
            Set<Object> seen = new LinkedHashSet<>();
            roots.forEach(row -> seen.add(row.get(key)));
            for (Row row : executor.selectWhereIn(identity, key, before.values(identity, key), false)) {
                if (seen.add(row.get(key))) {
                    roots.add(row);
                }
            }
        }
        rows.put(identity, roots);
        for (MappedTable table : mapping.tables()) {
            if (table.isIdentityTable()) {
                continue;
            }
            Set<Object> parentKeys = rows.values(table.parent(), table.parentKey());
            if (before != null) {
                parentKeys.addAll(before.values(table.parent(), table.parentKey()));
            }
            if (since != null && table.since() != null && !parentKeys.isEmpty()) {
                Object notBefore = notBefore(table, since);
                rows.put(table, executor.selectWhereIn(table, table.foreignKey(), parentKeys,
                        SqlStatements.notBefore(table.since()), List.of(notBefore), lock));
            } else {
                rows.put(table, executor.selectWhereIn(table, table.foreignKey(), parentKeys, lock));
            }
        }
        return rows;
    }

    /**
     * The lookback's instant as a value of the {@code since} column's type, bound as a parameter: the date (UTC) for
     * a date column, the date and time in UTC for a timestamp without time zone (its values are taken as UTC), the
     * instant itself for a timestamp with time zone.
     */
    private Object notBefore(MappedTable table, Instant since) {
        SqlExecutor.ColumnType type = executor.columnTypes(table, List.of(table.since())).get(table.since());
        String name = type.name() == null ? "" : type.name().toLowerCase(Locale.ROOT);
        if (type.sqlType() == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz")
                || name.contains("with time zone")) {
            return since.atOffset(ZoneOffset.UTC);
        }
        return switch (type.sqlType()) {
            case Types.DATE -> LocalDate.ofInstant(since, ZoneOffset.UTC);
            case Types.TIMESTAMP -> LocalDateTime.ofInstant(since, ZoneOffset.UTC);
            default -> throw new ConnectorException("Reading " + table.name() + " for the lookback failed: its since "
                    + "column " + table.since() + " is no date or timestamp column (" + type.name() + "); correct the "
                    + "mapping");
        };
    }

    /**
     * The identity table's rows matching every identifier that both the mapping and the subject have (see
     * {@link SubjectKey}): none when the subject has none of them, never everything.
     */
    private List<Row> byIdentity(MappedTable identity, DataSubject subject, boolean lock) {
        MappedTable.SubjectMatch match = identity.match();
        Optional<SubjectKey> key = SubjectKey.of(subject, match, () -> executor.columnTypes(identity,
                List.of(match.accountIdColumn())).get(match.accountIdColumn()));
        if (key.isEmpty()) {
            return List.of();
        }
        return executor.select(identity, key.get().condition(match), key.get().params(), lock);
    }

    /**
     * Access data: per table with rows, only the declared access columns, values in package form.
     *
     * @param providedOnly for portability: per table only the columns whose values the subject provided
     *                     ({@link MappedTable#portable()}); a table with none is left out
     */
    static Map<String, List<Map<String, Object>>> accessData(SqlMapping mapping, SubjectRows rows,
                                                             boolean providedOnly) {
        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
        for (MappedTable table : mapping.tables()) {
            List<Row> found = rows.of(table);
            List<String> columns = providedOnly ? table.portable() : table.access();
            if (found.isEmpty() || columns.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> records = new ArrayList<>();
            for (Row row : found) {
                Map<String, Object> record = new LinkedHashMap<>();
                for (String column : columns) {
                    record.put(column, JsonValues.of(row.get(column)));
                }
                records.add(Collections.unmodifiableMap(record));
            }
            data.put(table.name(), List.copyOf(records));
        }
        return Collections.unmodifiableMap(data);
    }
}
