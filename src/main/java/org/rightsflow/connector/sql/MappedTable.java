package org.rightsflow.connector.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsflow.connector.ConnectorAction;

/**
 * One table of a dataset mapping, a node of the relation tree that starts at the identity table. A child's rows are
 * those whose {@code foreignKey} holds the {@code parentKey} value of one of its parent's rows.
 */
final class MappedTable {

    private final String name;
    private final String sqlName;
    private final List<String> key;
    private final MappedTable parent;
    private final String foreignKey;
    private final String parentKey;
    private final List<String> access;
    private final TableErasure erasure;
    private final Map<String, Object> optOut;
    private final Map<String, Object> limitUse;
    private final Map<String, String> corrections;
    private final SubjectMatch match;
    private final String since;
    private final List<String> provided;
    private final List<MappedTable> children = new ArrayList<>();

    /**
     * @param name        as the mapping writes it; reports and access data use it
     * @param sqlName     as SQL writes it (with the connection's schema)
     * @param key         the columns that identify one row; may be empty for a table whose rows are never masked
     * @param foreignKey  the column of this table that refers to the parent; null for the identity table
     * @param parentKey   the column of the parent it refers to; null for the identity table
     * @param optOut      column → value an opt-out sets (value may be null)
     * @param limitUse    column → value a limit of sensitive data use sets (value may be null)
     * @param corrections field name (as a correction request names it) → column
     * @param match       how the identity table matches the subject; null for every other table
     * @param since       the date or timestamp column that says when a row was collected, for the access lookback;
     *                    null when the table declares none (and always for the identity table)
     * @param provided    the access columns whose values the subject provided, for portability; null when the table
     *                    does not say (then all its access columns count)
     */
    MappedTable(String name, String sqlName, List<String> key, MappedTable parent, String foreignKey,
                String parentKey, List<String> access, TableErasure erasure, Map<String, Object> optOut,
                Map<String, Object> limitUse, Map<String, String> corrections, SubjectMatch match, String since,
                List<String> provided) {
        this.name = name;
        this.sqlName = sqlName;
        this.key = List.copyOf(key);
        this.parent = parent;
        this.foreignKey = foreignKey;
        this.parentKey = parentKey;
        this.access = List.copyOf(access);
        this.erasure = erasure;
        this.optOut = Collections.unmodifiableMap(new LinkedHashMap<>(optOut));
        this.limitUse = Collections.unmodifiableMap(new LinkedHashMap<>(limitUse));
        this.corrections = Collections.unmodifiableMap(new LinkedHashMap<>(corrections));
        this.match = match;
        this.since = since;
        this.provided = provided == null ? null : List.copyOf(provided);
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /** How the identity table finds the subject: the email column (compared ignoring case) and the account id column. */
    record SubjectMatch(String emailColumn, String accountIdColumn) {
    }

    String name() {
        return name;
    }

    String sqlName() {
        return sqlName;
    }

    List<String> key() {
        return key;
    }

    boolean isIdentityTable() {
        return parent == null;
    }

    MappedTable parent() {
        return parent;
    }

    String foreignKey() {
        return foreignKey;
    }

    String parentKey() {
        return parentKey;
    }

    List<String> access() {
        return access;
    }

    TableErasure erasure() {
        return erasure;
    }

    Map<String, Object> optOut() {
        return optOut;
    }

    Map<String, Object> limitUse() {
        return limitUse;
    }

    /**
     * The column values an opt-out or a limit of sensitive data use writes into this table's rows of the subject;
     * empty when the table declares none.
     */
    Map<String, Object> declaredValues(ConnectorAction action) {
        return switch (action) {
            case OPT_OUT -> optOut;
            case LIMIT_USE -> limitUse;
            case ACCESS, PLAN_ERASURE, ERASE, CORRECT -> throw new IllegalArgumentException(action
                    + " does not write declared column values");
        };
    }

    Map<String, String> corrections() {
        return corrections;
    }

    SubjectMatch match() {
        return match;
    }

    /** The column the access lookback compares with the request's date, or null. */
    String since() {
        return since;
    }

    /**
     * The columns returned for portability: the declared {@code provided} columns, or every access column when the
     * table does not declare them (better to give the subject too much of their own data than nothing).
     */
    List<String> portable() {
        return provided == null ? access : provided;
    }

    List<MappedTable> children() {
        return Collections.unmodifiableList(children);
    }

    /**
     * The column by which statements address this table's rows of the subject: the identity table's key (its rows
     * were found by the identity), a child's foreign key (its rows are those of the parents found).
     */
    String selectorColumn() {
        return parent == null ? key.get(0) : foreignKey;
    }

    /**
     * Columns that hold the relation tree together (the key, the foreign key, the columns children refer to). They
     * are never masked or corrected: the erasure itself and its proof find rows through them.
     */
    Set<String> structureColumns() {
        Set<String> columns = new LinkedHashSet<>(key);
        if (foreignKey != null) {
            columns.add(foreignKey);
        }
        for (MappedTable child : children) {
            columns.add(child.parentKey);
        }
        return columns;
    }

    /** Every column an action reads from this table, each once, in a stable order. */
    List<String> readColumns() {
        Set<String> columns = new LinkedHashSet<>(structureColumns());
        columns.addAll(access);
        erasure.columns().forEach(rule -> columns.add(rule.column()));
        return List.copyOf(columns);
    }

    /** Every column the mapping names in this table, for the connection test. */
    Set<String> mappedColumns() {
        Set<String> columns = new LinkedHashSet<>(readColumns());
        if (match != null) {
            columns.add(match.emailColumn());
            columns.add(match.accountIdColumn());
            columns.remove(null);
        }
        if (since != null) {
            columns.add(since);
        }
        columns.addAll(optOut.keySet());
        columns.addAll(limitUse.keySet());
        columns.addAll(corrections.values());
        return columns;
    }

    @Override
    public String toString() {
        return "MappedTable[" + name + "]";
    }
}
