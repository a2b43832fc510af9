package org.rightsflow.connector.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rightsflow.connector.SecretReference;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.YamlNode;

/**
 * Reads and checks a sql system's {@code connection} and {@code dataset} (format: docs/connected-systems.md, "sql").
 * Strict, like the rest of the definition: every problem is an IllegalArgumentException naming its path, e.g.
 * {@code systems[0].dataset.children[1].erasure.columns.phone: ...}. Nothing here connects to the database.
 *
 * <p>Reading happens in two passes: first every table's own settings ({@link Spec}), then the model, because which
 * columns of a table hold the tree together depends on its children (a child names the parent column it refers
 * to), and a table-level masking strategy must leave exactly those alone.
 */
final class MappingReader {

    private static final String[] CONNECTION_KEYS = {"url", "username", "password", "hashKey", "schema"};
    private static final String[] TABLE_KEYS = {"table", "key", "match", "foreignKey", "parentKey", "access", "erasure",
            "optOut", "limitUse", "correct", "since", "provided", "children"};
    private static final String DEFAULT_REDACTION = "[redacted]";
    private static final int MAX_DEPTH = 10;

    private MappingReader() {
    }

    static SqlMapping read(SystemDefinition system) {
        if (system.connection() == null) {
            throw new IllegalArgumentException("System " + system.key() + ": connection is required for a sql system");
        }
        ConnectionSettings connection = connection(system.connection());
        YamlNode dataset = system.dataset();
        if (dataset == null) {
            throw system.connection().error("the dataset is missing: a sql system maps its tables under 'dataset' "
                    + "(docs/connected-systems.md)");
        }
        Spec root = spec(dataset, null, 0);
        List<MappedTable> tables = new ArrayList<>();
        MappedTable identity = build(root, null, connection.schema(), tables);
        checkUnique(tables, root);
        checkRequestTypes(system, tables, dataset);
        return new SqlMapping(connection, identity, tables);
    }

    private static ConnectionSettings connection(YamlNode node) {
        node.allowOnly(CONNECTION_KEYS);
        String url = node.string("url");
        if (!url.startsWith("jdbc:")) {
            throw node.error("url", "expected a JDBC URL starting with jdbc:, e.g. jdbc:postgresql://db:5432/shop");
        }
        String schema = node.optionalString("schema", null);
        if (schema != null && !Identifiers.isColumn(schema)) {
            throw node.error("schema", "'" + schema + "' is not a plain SQL name (" + Identifiers.RULE + ")");
        }
        SecretReference password = Secrets.reference(node, "password").orElse(null);
        SecretReference hashKey = Secrets.reference(node, "hashKey").orElse(null);
        return new ConnectionSettings(url, node.optionalString("username", null), password, hashKey, schema);
    }

    /** A table's settings as written, before the model is built. */
    private record Spec(YamlNode node, String table, List<String> key, MappedTable.SubjectMatch match,
                        String foreignKey, String parentKey, List<String> access, Map<String, Object> optOut,
                        Map<String, Object> limitUse, Map<String, String> corrections, String since,
                        List<String> provided, List<Spec> children) {
    }

    private static Spec spec(YamlNode node, Spec parent, int depth) {
        node.allowOnly(TABLE_KEYS);
        if (depth > MAX_DEPTH) {
            throw node.error("children are nested more than " + MAX_DEPTH + " levels deep");
        }
        String table = node.string("table");
        if (!Identifiers.isTable(table)) {
            throw node.error("table", "'" + table + "' is not a plain SQL table name (" + Identifiers.RULE
                    + "; optionally schema.table): names are written into SQL unquoted");
        }
        List<String> key = columns(node, "key");
        List<String> access = columns(node, "access");
        MappedTable.SubjectMatch match = null;
        String foreignKey = null;
        String parentKey = null;
        if (parent == null) {
            for (String notHere : List.of("foreignKey", "parentKey")) {
                if (node.has(notHere)) {
                    throw node.error(notHere, "the identity table has no parent; " + notHere
                            + " belongs to the tables under children");
                }
            }
            if (key.size() != 1) {
                throw node.error("key", key.isEmpty()
                        ? "required: the identity table's primary key column (its rows are found again by it after an erasure)"
                        : "the identity table needs a single-column key");
            }
            match = match(node);
        } else {
            if (node.has("match")) {
                throw node.error("match", "only the identity table (the top of the dataset) matches the subject; "
                        + "the tables under children are reached through foreignKey");
            }
            foreignKey = column(node, "foreignKey", null);
            if (foreignKey == null) {
                throw node.error("foreignKey", "required: the column of " + table + " that refers to " + parent.table());
            }
            parentKey = column(node, "parentKey", null);
            if (parentKey == null) {
                if (parent.key().size() != 1) {
                    throw node.error("parentKey", parent.key().isEmpty()
                            ? "required, because " + parent.table() + " declares no key: name the column of "
                                    + parent.table() + " that " + table + "." + foreignKey + " refers to"
                            : "required, because the key of " + parent.table() + " has several columns");
                }
                parentKey = parent.key().get(0);
            }
        }
        Map<String, Object> optOut = columnValues(node, "optOut", "opt-out");
        Map<String, Object> limitUse = columnValues(node, "limitUse", "limit of sensitive data use");
        Map<String, String> corrections = corrections(node);
        String since = column(node, "since", null);
        if (since != null && parent == null) {
            throw node.error("since", "the identity table's rows are always returned (they are the subject's account), "
                    + "so the lookback does not apply to them; declare since on the tables under children");
        }
        Spec spec = new Spec(node, table, key, match, foreignKey, parentKey, access, optOut, limitUse, corrections,
                since, provided(node, table, access), new ArrayList<>());
        for (YamlNode child : node.nodeList("children")) {
            spec.children().add(spec(child, spec, depth + 1));
        }
        return spec;
    }

    private static MappedTable.SubjectMatch match(YamlNode table) {
        if (!table.has("match")) {
            throw table.error("match", "required: how the identity table matches the subject, e.g. match: {email: email}");
        }
        YamlNode node = table.node("match");
        node.allowOnly("email", "accountId");
        String email = column(node, "email", null);
        String accountId = column(node, "accountId", null);
        if (email == null && accountId == null) {
            throw node.error("name the column holding the subject's email (matched ignoring case), their account id, "
                    + "or both");
        }
        return new MappedTable.SubjectMatch(email, accountId);
    }

    private static MappedTable build(Spec spec, MappedTable parent, String schema, List<MappedTable> tables) {
        YamlNode node = spec.node();
        Set<String> structure = new LinkedHashSet<>(spec.key());
        if (spec.foreignKey() != null) {
            structure.add(spec.foreignKey());
        }
        spec.children().forEach(child -> structure.add(child.parentKey()));
        TableErasure erasure = erasure(node, spec, structure);
        if (parent != null && parent.erasure().mode() == TableErasure.Mode.DELETE
                && erasure.mode() != TableErasure.Mode.DELETE) {
            throw node.error("erasure", "the rows of " + parent.name() + " are deleted, so the rows of " + spec.table()
                    + " that refer to them must be deleted too (keeping them would break the foreign key); keep the "
                    + "rows of " + parent.name() + " and mask their columns instead");
        }
        checkNotStructure(node, "optOut", spec.optOut().keySet(), structure, "set by an opt-out");
        checkNotStructure(node, "limitUse", spec.limitUse().keySet(), structure, "set by a limit of sensitive data use");
        checkNotStructure(node, "correct", spec.corrections().values(), structure, "corrected");
        MappedTable table = new MappedTable(spec.table(), Identifiers.qualified(spec.table(), schema), spec.key(), parent,
                spec.foreignKey(), spec.parentKey(), spec.access(), erasure, spec.optOut(), spec.limitUse(),
                spec.corrections(), spec.match(), spec.since(), spec.provided());
        tables.add(table);
        for (Spec child : spec.children()) {
            build(child, table, schema, tables);
        }
        return table;
    }

    /**
     * {@code erasure: delete}, {@code erasure: {strategy: retain, basis: ..., note: ...}}, or a masking strategy for
     * every access column ({@code set-null}, {@code redact}, {@code hash}) and/or {@code columns:} with a rule per
     * column. Rows that are kept must be found again by their key, so masking needs one.
     */
    private static TableErasure erasure(YamlNode table, Spec spec, Set<String> structure) {
        Object raw = table.raw("erasure");
        if (raw == null) {
            throw table.error("erasure", "required: delete, retain (with basis and note), a masking strategy "
                    + "(set-null, redact, hash) or columns with a rule each");
        }
        if (raw instanceof String name) {
            Strategy strategy = strategy(table, "erasure", name);
            if (strategy == Strategy.DELETE) {
                return new TableErasure(TableErasure.Mode.DELETE, null, null, List.of());
            }
            if (strategy == Strategy.RETAIN) {
                throw table.error("erasure", "retain needs a legal basis and a note: erasure: {strategy: retain, "
                        + "basis: GDPR_ART_17_3_B, note: invoices, 10 years}");
            }
            return masking(table, spec, structure, strategy, strategy == Strategy.REDACT ? DEFAULT_REDACTION : null, null, null,
                    Map.of());
        }
        YamlNode node = table.node("erasure");
        node.allowOnly("strategy", "value", "basis", "note", "columns");
        Strategy strategy = node.has("strategy") ? strategy(node, "strategy", node.string("strategy")) : null;
        Map<String, ColumnRule> overrides = new LinkedHashMap<>();
        if (node.has("columns")) {
            YamlNode columns = node.node("columns");
            for (String column : columns.keys()) {
                overrides.put(column, columnRule(columns, column, structure));
            }
            if (overrides.isEmpty()) {
                throw node.error("columns", "list at least one column, or leave columns out");
            }
        }
        if (strategy == null && overrides.isEmpty()) {
            throw node.error("strategy", "required unless columns lists a rule per column");
        }
        if (strategy != Strategy.REDACT && node.has("value")) {
            throw node.error("value", "only the redact strategy takes a value");
        }
        if (strategy != Strategy.RETAIN) {
            for (String retainOnly : List.of("basis", "note")) {
                if (node.has(retainOnly)) {
                    throw node.error(retainOnly, "only the retain strategy takes a " + retainOnly);
                }
            }
        }
        if (strategy == Strategy.DELETE) {
            if (!overrides.isEmpty()) {
                throw node.error("columns", "deleted rows have no columns left to mask or keep; remove columns, or "
                        + "choose another strategy for the table");
            }
            return new TableErasure(TableErasure.Mode.DELETE, null, null, List.of());
        }
        LegalBasis basis = null;
        String note = null;
        if (strategy == Strategy.RETAIN) {
            basis = basis(node);
            note = node.string("note");
            if (overrides.isEmpty()) {
                return new TableErasure(TableErasure.Mode.RETAIN, basis, note, List.of());
            }
        }
        String redaction = strategy == Strategy.REDACT ? redaction(node) : null;
        return masking(node, spec, structure, strategy, redaction, basis, note, overrides);
    }

    /**
     * The rows are kept and their columns masked. A table-level strategy applies to every access column that is not
     * part of the tree's structure; {@code columns} rules replace it column by column. Without a table-level
     * strategy only the listed columns change.
     */
    private static TableErasure masking(YamlNode node, Spec spec, Set<String> structure, Strategy tableStrategy,
                                        String redaction, LegalBasis basis, String note,
                                        Map<String, ColumnRule> overrides) {
        if (spec.key().isEmpty()) {
            throw node.error("the rows of " + spec.table() + " are kept and masked, which needs its key: declare "
                    + "key (the primary key column or columns) on this table");
        }
        Map<String, ColumnRule> rules = new LinkedHashMap<>();
        if (tableStrategy != null) {
            String what = tableStrategy == Strategy.RETAIN ? "retained" : "masked";
            for (String column : spec.access()) {
                if (!structure.contains(column) && !overrides.containsKey(column)) {
                    rules.put(column, new ColumnRule(column, tableStrategy, redaction, basis, note));
                }
            }
            if (rules.isEmpty() && overrides.isEmpty()) {
                throw node.error("no access column of " + spec.table() + " is left to be " + what + " (key and link "
                        + "columns never change); list the columns under columns, or change the strategy");
            }
        }
        rules.putAll(overrides);
        if (rules.values().stream().noneMatch(rule -> rule.strategy().masks())) {
            throw node.error("nothing in " + spec.table() + " would be masked; to keep its rows whole write "
                    + "erasure: {strategy: retain, basis: ..., note: ...}");
        }
        return new TableErasure(TableErasure.Mode.MASK, null, null, List.copyOf(rules.values()));
    }

    private static ColumnRule columnRule(YamlNode columns, String column, Set<String> structure) {
        if (!Identifiers.isColumn(column)) {
            throw columns.error(column, "'" + column + "' is not a plain SQL column name (" + Identifiers.RULE + ")");
        }
        if (structure.contains(column)) {
            throw columns.error(column, column + " links rows together (key or foreign key) and never changes; "
                    + "delete the rows instead, or leave the column out");
        }
        Object raw = columns.raw(column);
        if (raw instanceof String name) {
            Strategy strategy = strategy(columns, column, name);
            checkColumnStrategy(columns, column, strategy);
            if (strategy == Strategy.RETAIN) {
                throw columns.error(column, "retain needs a legal basis and a note: {strategy: retain, basis: "
                        + "GDPR_ART_17_3_B, note: ...}");
            }
            return new ColumnRule(column, strategy, strategy == Strategy.REDACT ? DEFAULT_REDACTION : null, null, null);
        }
        YamlNode node = columns.node(column);
        node.allowOnly("strategy", "value", "basis", "note");
        Strategy strategy = strategy(node, "strategy", node.string("strategy"));
        checkColumnStrategy(node, "strategy", strategy);
        if (strategy != Strategy.REDACT && node.has("value")) {
            throw node.error("value", "only the redact strategy takes a value");
        }
        if (strategy == Strategy.RETAIN) {
            return new ColumnRule(column, strategy, null, basis(node), node.string("note"));
        }
        for (String retainOnly : List.of("basis", "note")) {
            if (node.has(retainOnly)) {
                throw node.error(retainOnly, "only the retain strategy takes a " + retainOnly);
            }
        }
        return new ColumnRule(column, strategy, strategy == Strategy.REDACT ? redaction(node) : null, null, null);
    }

    private static void checkColumnStrategy(YamlNode node, String key, Strategy strategy) {
        if (strategy == Strategy.DELETE) {
            throw node.error(key, "delete applies to whole rows (the table's strategy); a column can be set-null, "
                    + "redact, hash or retain");
        }
    }

    private static Strategy strategy(YamlNode node, String key, String name) {
        return Strategy.fromYamlName(name.strip()).orElseThrow(() -> node.error(key, "'" + name
                + "' is not one of delete, retain, set-null, redact, hash"));
    }

    private static LegalBasis basis(YamlNode node) {
        if (!node.has("basis")) {
            throw node.error("basis", "required for retain: one of " + String.join(", ",
                    Arrays.stream(LegalBasis.values()).map(Enum::name).toList()));
        }
        return node.enumValue("basis", LegalBasis.class);
    }

    private static String redaction(YamlNode node) {
        if (!node.has("value")) {
            return DEFAULT_REDACTION;
        }
        if (!(node.raw("value") instanceof String text)) {
            throw node.error("value", "expected the text that replaces the value, e.g. \"[erased]\"");
        }
        return text;
    }

    /**
     * {@code provided: [columns]}: the access columns whose values the subject provided, returned for portability;
     * null when the table does not say. They must be access columns: portability hands over part of what access
     * returns, never more, so {@code access} stays the one list of what leaves the system. {@code provided: []}
     * says that nothing in the table was provided by the subject.
     */
    private static List<String> provided(YamlNode node, String table, List<String> access) {
        if (!node.has("provided")) {
            return null;
        }
        List<String> provided = columns(node, "provided");
        for (String column : provided) {
            if (!access.contains(column)) {
                throw node.error("provided", column + " is not one of the access columns of " + table + "; the data "
                        + "for portability is part of what access returns: add " + column + " to access, or leave it "
                        + "out of provided");
            }
        }
        return provided;
    }

    /**
     * {@code optOut} or {@code limitUse}: {@code column: value} pairs the action writes into the subject's rows.
     *
     * @param action the action, as the messages name it: "opt-out"
     */
    private static Map<String, Object> columnValues(YamlNode table, String key, String action) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (table.raw(key) == null) {
            return result;
        }
        YamlNode node = table.node(key);
        for (String column : node.keys()) {
            if (!Identifiers.isColumn(column)) {
                throw node.error(column, "'" + column + "' is not a plain SQL column name (" + Identifiers.RULE + ")");
            }
            Object value = node.raw(column);
            if (!(value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long || value instanceof Double || value instanceof BigDecimal)) {
                throw node.error(column, "expected the value the " + action + " writes: text, a number, true/false "
                        + "or null");
            }
            result.put(column, value);
        }
        if (result.isEmpty()) {
            throw table.error(key, "list the columns the " + action + " sets, column: value");
        }
        return result;
    }

    private static Map<String, String> corrections(YamlNode table) {
        Map<String, String> result = new LinkedHashMap<>();
        if (table.raw("correct") == null) {
            return result;
        }
        YamlNode node = table.node("correct");
        for (String field : node.keys()) {
            if (field.isBlank() || field.length() > 64) {
                throw node.error(field, "a field name is 1 to 64 characters");
            }
            result.put(field, column(node, field, null));
        }
        if (result.isEmpty()) {
            throw table.error("correct", "list the fields a correction may change, field: column");
        }
        return result;
    }

    private static void checkNotStructure(YamlNode node, String key, Iterable<String> columns, Set<String> structure,
                                          String what) {
        for (String column : columns) {
            if (structure.contains(column)) {
                throw node.error(key, column + " links rows together (key or foreign key) and cannot be " + what);
            }
        }
    }

    private static void checkUnique(List<MappedTable> tables, Spec root) {
        Set<String> seen = new LinkedHashSet<>();
        for (MappedTable table : tables) {
            if (!seen.add(table.sqlName().toLowerCase(Locale.ROOT))) {
                throw root.node().error("table " + table.name() + " is mapped twice; each table appears once in the "
                        + "tree (its rows would otherwise be found and counted twice)");
            }
        }
    }

    /**
     * A system that takes part in opt-outs, limits of sensitive data use or corrections must say which columns those
     * change: the connector carries them out, and with nothing declared it would report success having changed
     * nothing.
     */
    private static void checkRequestTypes(SystemDefinition system, List<MappedTable> tables, YamlNode dataset) {
        if (system.requestTypes().contains(RequestType.OPT_OUT) && tables.stream().allMatch(t -> t.optOut().isEmpty())) {
            throw dataset.error("the system takes part in OPT_OUT requests, but no table declares optOut columns");
        }
        if (system.requestTypes().contains(RequestType.LIMIT_SENSITIVE)
                && tables.stream().allMatch(t -> t.limitUse().isEmpty())) {
            throw dataset.error("the system takes part in LIMIT_SENSITIVE requests, but no table declares limitUse "
                    + "columns");
        }
        if (system.requestTypes().contains(RequestType.CORRECTION)
                && tables.stream().allMatch(t -> t.corrections().isEmpty())) {
            throw dataset.error("the system takes part in CORRECTION requests, but no table declares correct fields");
        }
    }

    private static List<String> columns(YamlNode node, String key) {
        List<String> columns = node.stringOrList(key);
        Set<String> seen = new LinkedHashSet<>();
        for (String column : columns) {
            if (!Identifiers.isColumn(column)) {
                throw node.error(key, "'" + column + "' is not a plain SQL column name (" + Identifiers.RULE + ")");
            }
            if (!seen.add(column)) {
                throw node.error(key, column + " is listed twice");
            }
        }
        return columns;
    }

    private static String column(YamlNode node, String key, String fallback) {
        if (!node.has(key)) {
            return fallback;
        }
        String column = node.string(key);
        if (!Identifiers.isColumn(column)) {
            throw node.error(key, "'" + column + "' is not a plain SQL column name (" + Identifiers.RULE + ")");
        }
        return column;
    }
}
