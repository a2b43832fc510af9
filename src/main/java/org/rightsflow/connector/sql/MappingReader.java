package org.rightsflow.connector.sql;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rightsflow.connector.DataLabels;
import org.rightsflow.connector.LegalBasis;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.Words;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.Text;
import org.rightsflow.support.YamlTree;

/**
 * Reads and checks a sql system's {@code connection} and {@code dataset} (format: docs/connected-systems.md, "sql").
 * Strict, like the rest of the definition: every problem is an IllegalArgumentException naming its path, e.g.
 * {@code systems[0].dataset.children[1].erasure.columns.phone: ...}. Nothing here connects to the database.
 *
 * <p>The connection and the dataset are bound into records ({@link ConnectionYaml}, {@link TableYaml},
 * {@link ErasureYaml}, {@link ColumnRuleYaml}) with Jackson, unknown keys refused and shapes (required keys, plain
 * SQL names) checked by Bean Validation ({@link YamlTree#bind}); what this class adds are the rules that span
 * several keys or tables.
 *
 * <p>Reading happens in two passes: first every table's own settings ({@link Spec}), then the model, because which
 * columns of a table hold the tree together depends on its children (a child names the parent column it refers
 * to), and a table-level masking strategy must leave exactly those alone.
 */
final class MappingReader {

    private static final String REQUIRED = YamlTree.REQUIRED;
    private static final String NOT_A_TABLE = "is not a plain SQL table name (" + Identifiers.RULE
            + "; optionally schema.table): names are written into SQL unquoted";
    private static final String DEFAULT_REDACTION = "[redacted]";
    private static final int MAX_DEPTH = 10;

    private MappingReader() {
    }

    static SqlMapping read(SystemDefinition system) {
        if (system.connection() == null) {
            throw new IllegalArgumentException("System " + system.key() + ": connection is required for a sql system");
        }
        ConnectionSettings connection = connection(system.connection());
        if (system.dataset() == null) {
            throw system.connection().error("the dataset is missing: a sql system maps its tables under 'dataset' "
                    + "(docs/connected-systems.md)");
        }
        YamlTree dataset = system.dataset();
        Spec root = spec(dataset, dataset.bind(TableYaml.class), null, 0);
        List<MappedTable> tables = new ArrayList<>();
        MappedTable identity = build(root, null, connection.schema(), tables);
        checkUnique(tables, root);
        checkRequestTypes(system, tables, dataset);
        return new SqlMapping(connection, identity, tables);
    }

    /**
     * The connection as written. The URL has no pattern constraint because a broken constraint quotes its value, and
     * a URL may carry a password; the secrets are read by {@link Secrets}, never bound as text.
     */
    private record ConnectionYaml(@NotNull(message = REQUIRED) @Text String url, @Text String username,
                                  Object password, Object hashKey,
                                  @Pattern(regexp = Identifiers.COLUMN_NAME, message = "is not a plain SQL name ("
                                          + Identifiers.RULE + ")") String schema) {
    }

    private static ConnectionSettings connection(YamlTree node) {
        ConnectionYaml yaml = node.bind(ConnectionYaml.class);
        String url = yaml.url().strip();
        if (!url.startsWith("jdbc:")) {
            throw node.error("url", "expected a JDBC URL starting with jdbc:, e.g. jdbc:postgresql://db:5432/shop");
        }
        if (ConnectionSettings.refusal(url) != null) {
            throw node.error("url", ConnectionSettings.refusal(url));
        }
        String username = yaml.username() == null ? null : yaml.username().strip();
        return new ConnectionSettings(url, username, Secrets.reference(node.at("password")).orElse(null),
                Secrets.reference(node.at("hashKey")).orElse(null), yaml.schema());
    }

    /** A table as the mapping writes it (docs/connected-systems.md, "The dataset mapping"). */
    private record TableYaml(@NotNull(message = REQUIRED)
                             @Pattern(regexp = Identifiers.TABLE_NAME, message = NOT_A_TABLE) String table,
                             @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                             List<@ColumnName String> key,
                             @Valid MatchYaml match, @ColumnName String foreignKey, @ColumnName String parentKey,
                             @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                             List<@ColumnName String> access,
                             Object erasure,
                             @Size(min = 1, message = "list the columns the opt-out sets, column: value")
                             Map<@ColumnName String, Object> optOut,
                             @Size(min = 1, message = "list the columns the limit of sensitive data use sets, "
                                     + "column: value")
                             Map<@ColumnName String, Object> limitUse,
                             @Size(min = 1, message = "list the fields a correction may change, field: column")
                             Map<@Pattern(regexp = "(?s)(?=.*\\S).{1,64}", message = "is not a field name of 1 to 64 "
                                     + "characters") String, @NotNull(message = REQUIRED) @ColumnName String> correct,
                             @ColumnName String since,
                             @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                             List<@ColumnName String> provided,
                             List<@NotNull(message = "expected a mapping (key: value lines)") @Valid TableYaml>
                                     children) {
    }

    private record MatchYaml(@ColumnName String email, @ColumnName String accountId) {
    }

    /** {@code erasure} in its long form; the short form is the strategy's name alone. */
    private record ErasureYaml(String strategy, Object value, LegalBasis basis, Object note,
                               @Size(min = 1, message = "list at least one column, or leave columns out")
                               Map<@ColumnName String, Object> columns) {
    }

    /** One entry under {@code erasure.columns} in its long form. */
    private record ColumnRuleYaml(@NotNull(message = REQUIRED) String strategy, Object value, LegalBasis basis,
                                  Object note) {
    }

    /** A table's settings as written, before the model is built. */
    private record Spec(YamlTree node, String table, List<String> key, MappedTable.SubjectMatch match,
                        String foreignKey, String parentKey, List<String> access, Map<String, Object> optOut,
                        Map<String, Object> limitUse, Map<String, String> corrections, String since,
                        List<String> provided, List<Spec> children) {
    }

    private static Spec spec(YamlTree node, TableYaml yaml, Spec parent, int depth) {
        if (depth > MAX_DEPTH) {
            throw node.error("children are nested more than " + MAX_DEPTH + " levels deep");
        }
        String table = yaml.table();
        List<String> key = columns(node, "key", yaml.key());
        List<String> access = columns(node, "access", yaml.access());
        MappedTable.SubjectMatch match = null;
        String foreignKey = null;
        String parentKey = null;
        if (parent == null) {
            if (yaml.foreignKey() != null || yaml.parentKey() != null) {
                String notHere = yaml.foreignKey() != null ? "foreignKey" : "parentKey";
                throw node.error(notHere, "the identity table has no parent; " + notHere
                        + " belongs to the tables under children");
            }
            if (key.size() != 1) {
                throw node.error("key", key.isEmpty()
                        ? "required: the identity table's primary key column (its rows are found again by it after an erasure)"
                        : "the identity table needs a single-column key");
            }
            match = match(node, yaml.match());
        } else {
            if (yaml.match() != null) {
                throw node.error("match", "only the identity table (the top of the dataset) matches the subject; "
                        + "the tables under children are reached through foreignKey");
            }
            foreignKey = yaml.foreignKey();
            if (foreignKey == null) {
                throw node.error("foreignKey", "required: the column of " + table + " that refers to " + parent.table());
            }
            parentKey = yaml.parentKey();
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
        Map<String, Object> optOut = columnValues(node, "optOut", yaml.optOut(), "opt-out");
        Map<String, Object> limitUse = columnValues(node, "limitUse", yaml.limitUse(), "limit of sensitive data use");
        Map<String, String> corrections = yaml.correct() == null ? Map.of() : yaml.correct();
        String since = yaml.since();
        if (since != null && parent == null) {
            throw node.error("since", "the identity table's rows are always returned (they are the subject's account), "
                    + "so the lookback does not apply to them; declare since on the tables under children");
        }
        Spec spec = new Spec(node, table, key, match, foreignKey, parentKey, access, optOut, limitUse,
                corrections, since, provided(node, yaml.provided(), table, access), new ArrayList<>());
        List<TableYaml> children = yaml.children() == null ? List.of() : yaml.children();
        for (int i = 0; i < children.size(); i++) {
            spec.children().add(spec(node.at("children").index(i), children.get(i), spec, depth + 1));
        }
        return spec;
    }

    private static MappedTable.SubjectMatch match(YamlTree table, MatchYaml yaml) {
        if (yaml == null) {
            throw table.error("match", "required: how the identity table matches the subject, e.g. match: {email: email}");
        }
        if (yaml.email() == null && yaml.accountId() == null) {
            throw table.at("match").error("name the column holding the subject's email (matched ignoring case), their account id, "
                    + "or both");
        }
        return new MappedTable.SubjectMatch(yaml.email(), yaml.accountId());
    }

    private static MappedTable build(Spec spec, MappedTable parent, String schema, List<MappedTable> tables) {
        YamlTree node = spec.node();
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
    private static TableErasure erasure(YamlTree table, Spec spec, Set<String> structure) {
        YamlTree node = table.at("erasure");
        if (node.value() == null) {
            throw table.error("erasure", "required: delete, retain (with basis and note), a masking strategy "
                    + "(set-null, redact, hash) or columns with a rule each");
        }
        if (node.value() instanceof String name) {
            Strategy strategy = strategy(table, "erasure", name);
            checkTableStrategy(table, "erasure", strategy);
            if (strategy == Strategy.DELETE) {
                return new TableErasure(TableErasure.Mode.DELETE, null, null, List.of());
            }
            if (strategy == Strategy.RETAIN) {
                throw table.error("erasure", "retain needs a legal basis and a note: erasure: {strategy: retain, "
                        + "basis: GDPR_ART_17_3_B, note: invoices, 10 years}");
            }
            return masking(node, spec, structure, strategy, strategy == Strategy.REDACT ? DEFAULT_REDACTION : null,
                    null, null, Map.of());
        }
        ErasureYaml yaml = node.bind(ErasureYaml.class);
        Strategy strategy = yaml.strategy() == null ? null : strategy(node, "strategy", yaml.strategy());
        if (strategy != null) {
            checkTableStrategy(node, "strategy", strategy);
        }
        Map<String, ColumnRule> overrides = new LinkedHashMap<>();
        if (yaml.columns() != null) {
            YamlTree columns = node.at("columns");
            for (String column : yaml.columns().keySet()) {
                overrides.put(column, columnRule(columns, column, structure));
            }
        }
        if (strategy == null && overrides.isEmpty()) {
            throw node.error("strategy", "required unless columns lists a rule per column");
        }
        if (strategy != Strategy.REDACT && yaml.value() != null) {
            throw node.error("value", "only the redact strategy takes a value");
        }
        if (strategy != Strategy.RETAIN) {
            checkRetainOnly(node, yaml.basis(), yaml.note());
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
            basis = basis(node, yaml.basis());
            note = note(node, yaml.note());
            if (overrides.isEmpty()) {
                return new TableErasure(TableErasure.Mode.RETAIN, basis, note, List.of());
            }
        }
        String redaction = strategy == Strategy.REDACT ? redaction(node, yaml.value()) : null;
        return masking(node, spec, structure, strategy, redaction, basis, note, overrides);
    }

    /**
     * The rows are kept and their columns masked. A table-level strategy applies to every access column that is not
     * part of the tree's structure; {@code columns} rules replace it column by column. Without a table-level
     * strategy only the listed columns change.
     */
    private static TableErasure masking(YamlTree node, Spec spec, Set<String> structure, Strategy tableStrategy,
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

    private static ColumnRule columnRule(YamlTree columns, String column, Set<String> structure) {
        if (structure.contains(column)) {
            throw columns.error(column, column + " links rows together (key or foreign key) and never changes; "
                    + "delete the rows instead, or leave the column out");
        }
        YamlTree node = columns.at(column);
        if (node.value() instanceof String name) {
            Strategy strategy = strategy(columns, column, name);
            checkColumnStrategy(columns, column, strategy);
            if (strategy == Strategy.RETAIN) {
                throw columns.error(column, "retain needs a legal basis and a note: {strategy: retain, basis: "
                        + "GDPR_ART_17_3_B, note: ...}");
            }
            return new ColumnRule(column, strategy, strategy == Strategy.REDACT ? DEFAULT_REDACTION : null, null, null);
        }
        if (!(node.value() instanceof Map<?, ?>)) {
            throw node.error("expected a strategy (set-null, redact, hash, year-only, zero) or a mapping "
                    + "{strategy: ..., ...}");
        }
        ColumnRuleYaml yaml = node.bind(ColumnRuleYaml.class);
        Strategy strategy = strategy(node, "strategy", yaml.strategy());
        checkColumnStrategy(node, "strategy", strategy);
        if (strategy != Strategy.REDACT && yaml.value() != null) {
            throw node.error("value", "only the redact strategy takes a value");
        }
        if (strategy == Strategy.RETAIN) {
            return new ColumnRule(column, strategy, null, basis(node, yaml.basis()), note(node, yaml.note()));
        }
        checkRetainOnly(node, yaml.basis(), yaml.note());
        return new ColumnRule(column, strategy, strategy == Strategy.REDACT ? redaction(node, yaml.value()) : null,
                null, null);
    }

    private static void checkRetainOnly(YamlTree node, LegalBasis basis, Object note) {
        if (basis != null) {
            throw node.error("basis", "only the retain strategy takes a basis");
        }
        if (note != null) {
            throw node.error("note", "only the retain strategy takes a note");
        }
    }

    /** year-only and zero fit one column's type, so they are never a whole table's (its text columns would fail). */
    private static void checkTableStrategy(YamlTree node, String key, Strategy strategy) {
        if (strategy.masks() && !strategy.anyType()) {
            throw node.error(key, strategy.yamlName() + " fits one column's type (year-only: dates and timestamps; "
                    + "zero: numbers): list it under columns, with set-null, redact or hash for the table");
        }
    }

    private static void checkColumnStrategy(YamlTree node, String key, Strategy strategy) {
        if (strategy == Strategy.DELETE) {
            throw node.error(key, "delete applies to whole rows (the table's strategy); a column can be set-null, "
                    + "redact, hash or retain");
        }
    }

    private static Strategy strategy(YamlTree node, String key, String name) {
        return Strategy.fromYamlName(name.strip()).orElseThrow(() -> node.error(key, "'" + name
                + "' is not one of delete, retain, set-null, redact, hash, year-only, zero"));
    }

    private static LegalBasis basis(YamlTree node, LegalBasis basis) {
        if (basis == null) {
            throw node.error("basis", "required for retain: one of " + String.join(", ",
                    Arrays.stream(LegalBasis.values()).map(Enum::name).toList()));
        }
        return basis;
    }

    private static String redaction(YamlTree node, Object value) {
        if (value == null) {
            return DEFAULT_REDACTION;
        }
        if (!(value instanceof String text)) {
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
    private static List<String> provided(YamlTree node, List<String> written, String table, List<String> access) {
        if (written == null) {
            return null;
        }
        List<String> provided = columns(node, "provided", written);
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
    private static Map<String, Object> columnValues(YamlTree table, String key, Map<String, Object> written,
                                                    String action) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (written == null) {
            return result;
        }
        YamlTree node = table.at(key);
        for (Map.Entry<String, Object> entry : written.entrySet()) {
            String column = entry.getKey();
            Object value = entry.getValue();
            if (!(value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long || value instanceof Double || value instanceof BigDecimal)) {
                throw node.error(column, "expected the value the " + action + " writes: text, a number, true/false "
                        + "or null");
            }
            result.put(column, value);
        }
        return result;
    }

    private static void checkNotStructure(YamlTree node, String key, Iterable<String> columns, Set<String> structure,
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
    private static void checkRequestTypes(SystemDefinition system, List<MappedTable> tables, YamlTree dataset) {
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

    /** Column names (their shape is checked when bound), each listed once; a missing key gives an empty list. */
    private static List<String> columns(YamlTree node, String key, List<String> written) {
        if (written == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String column : written) {
            if (column == null) {
                throw node.error(key, "expected a list of non-empty texts");
            }
            if (!seen.add(column)) {
                throw node.error(key, column + " is listed twice");
            }
        }
        return List.copyOf(written);
    }

    /** The note of a retention: required, stripped (that it is not blank is checked when bound). */
    /**
     * Why data is kept, in the company's words, once or per language ({@code note: {en: ..., de: ...}}): the
     * connector reports the first language's text; the answer reads the subject's ({@link #keptNotes}).
     */
    private static String note(YamlTree node, Object written) {
        if (written == null) {
            throw node.error("note", REQUIRED);
        }
        return DataLabels.text(node.at("note")).first();
    }

    /**
     * Every {@code note} of the dataset's retain rules, by the text the connector reports (the first language's), in
     * every language the mapping writes it. Read from the dataset as written, after {@link #read} has checked it.
     */
    static Map<String, Words> keptNotes(YamlTree dataset) {
        Map<String, Words> notes = new LinkedHashMap<>();
        collectNotes(dataset, notes);
        return notes;
    }

    /** Walks the tables (and their children) to each {@code erasure}, where the notes are. */
    private static void collectNotes(YamlTree node, Map<String, Words> notes) {
        if (node.value() instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                YamlTree child = node.at(String.valueOf(key));
                if ("erasure".equals(key)) {
                    erasureNotes(child, notes);
                } else {
                    collectNotes(child, notes);
                }
            }
        } else if (node.value() instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectNotes(node.index(i), notes);
            }
        }
    }

    /** The table's own note and its columns' ({@code erasure.columns.<column>.note}). */
    private static void erasureNotes(YamlTree erasure, Map<String, Words> notes) {
        if (!(erasure.value() instanceof Map<?, ?>)) {
            return;
        }
        addNote(erasure.at("note"), notes);
        YamlTree columns = erasure.at("columns");
        if (columns.value() instanceof Map<?, ?> map) {
            for (Object column : map.keySet()) {
                YamlTree rule = columns.at(String.valueOf(column));
                if (rule.value() instanceof Map<?, ?>) {
                    addNote(rule.at("note"), notes);
                }
            }
        }
    }

    private static void addNote(YamlTree note, Map<String, Words> notes) {
        if (note.value() != null) {
            Words words = DataLabels.text(note);
            notes.putIfAbsent(words.first(), words);
        }
    }
}
