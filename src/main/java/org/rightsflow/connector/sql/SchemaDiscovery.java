package org.rightsflow.connector.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rightsflow.connector.SchemaProposal;
import org.rightsflow.connector.SystemDefinitions;

/**
 * Proposes a dataset mapping from the live schema, the way a careful person reading it would: find the table that
 * identifies a person (an email column and a one-column primary key, referred to by the most tables), follow the
 * foreign keys that refer to it down to every table that holds the person's rows, and choose per table what an
 * erasure may do without breaking a foreign key.
 *
 * <ul>
 *   <li><b>One path.</b> Tables are taken breadth first, so a table reachable from two mapped tables hangs under the
 *   one with fewer hops; the other path is reported as a finding, to be chosen in the YAML if it is the right one.</li>
 *   <li><b>Children first.</b> A table may be deleted only when nothing outside the mapping refers to its rows (a
 *   foreign key from an unmapped table, one of several columns, or one from an ancestor — "up" to shared rows such as
 *   a default address); otherwise its rows are kept and their personal columns masked. A parent of kept rows is kept
 *   too, since a child of a deleted table must be deleted.</li>
 *   <li><b>A legal reason where data is kept whole.</b> Tables whose name says a legal duty (invoices, payments,
 *   transactions, ledgers, tax) are proposed as retained, and the proposal is incomplete until staff give the basis
 *   and the note; discovery never invents a legal basis.</li>
 *   <li><b>Values stay in the database.</b> Text columns are sampled (at most {@value #SAMPLE} non-null values, a
 *   10-second limit) to tell what they hold; values are matched and dropped, only a masked example leaves this
 *   class.</li>
 * </ul>
 */
final class SchemaDiscovery {

    static final int SAMPLE = 20;
    /** A column of kept rows left as it is. */
    static final String KEEP = "keep";
    private static final String REDACTION = "[redacted]";
    private static final Pattern PLAIN = Pattern.compile(Identifiers.COLUMN_NAME);
    private static final Pattern KEPT_BY_LAW = Pattern.compile("(?i)(^|_)(invoices?|invoice_lines?|payments?"
            + "|transactions?|ledgers?|tax(es)?|receipts?|billing|accounting|credit_notes?)(_|$)");
    private static final Pattern IDENTITY_NAME = Pattern.compile("(?i)(^|_)(customers?|users?|accounts?|members?"
            + "|persons?|people|clients?|contacts?|subscribers?|patients?|students?|employees?|guests?)$");
    private static final Pattern ACCOUNT_ID_NAME = Pattern.compile("(?i)((customer|account|member|client|user)_?"
            + "(number|no|nr|ref|reference|code))|username|user_name|login");

    private final LiveSchema schema;
    private final Connection connection;
    private final Map<LiveSchema.TableId, Map<String, PersonalColumns.Finding>> personal = new LinkedHashMap<>();

    SchemaDiscovery(LiveSchema schema, Connection connection) {
        this.schema = schema;
        this.connection = connection;
    }

    /** A table of the proposed tree, before it is written out. */
    private static final class Node {
        final LiveSchema.Table table;
        final Node parent;
        final String foreignKey;
        final String parentKey;
        final List<Node> children = new ArrayList<>();
        final List<String> mustStay = new ArrayList<>();
        TableErasure.Mode mode;
        String why;
        final Map<String, String> masks = new LinkedHashMap<>();
        /** Rows the parent's rows refer up to (a default address): possibly shared with other people. */
        boolean shared;
        /** Whether staff chose the erasure instead of the proposal. */
        boolean chosen;

        Node(LiveSchema.Table table, Node parent, String foreignKey, String parentKey) {
            this.table = table;
            this.parent = parent;
            this.foreignKey = foreignKey;
            this.parentKey = parentKey;
            if (parent != null) {
                parent.children.add(this);
            }
        }

        String name() {
            return LiveSchema.asWritten(table.id().name());
        }

        boolean isAncestorOf(Node other) {
            for (Node up = other.parent; up != null; up = up.parent) {
                if (up == this) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The proposal's source (a system definition as a map) with the parts staff review; {@code check} left null. */
    record Result(Map<String, Object> source, SchemaProposal proposal) {
    }

    Result propose(SchemaProposal.Request request) throws SQLException {
        for (LiveSchema.Table table : schema.tables()) {
            personal.put(table.id(), classify(table));
        }
        List<String> findings = new ArrayList<>();
        if (!schema.views().isEmpty()) {
            findings.add("Views are not proposed (" + String.join(", ", schema.views().stream()
                    .map(LiveSchema::asWritten).toList()) + "): the mapping follows the tables they read.");
        }
        List<LiveSchema.Table> candidates = candidates();
        List<String> candidateNames = candidates.stream().map(t -> LiveSchema.asWritten(t.id().name())).toList();
        if (candidates.isEmpty()) {
            findings.add("No table holds an email column with a one-column primary key, so discovery cannot tell "
                    + "where a person is found. Write the mapping by hand (docs/connected-systems.md).");
            return new Result(null, new SchemaProposal(null, null, candidateNames, List.of(), findings, null));
        }
        LiveSchema.Table identity = candidates.stream()
                .filter(t -> request.identityTable() != null
                        && t.id().name().equalsIgnoreCase(request.identityTable()))
                .findFirst().orElse(candidates.get(0));
        Node root = new Node(identity, null, null, null);
        List<Node> tree = walk(root, findings);
        unreached(tree, findings);
        decide(root, request);
        Map<String, Object> source = source(request, root, tree);
        return new Result(source, new SchemaProposal(SystemDefinitions.toYaml(source), root.name(), candidateNames,
                tree.stream().map(node -> view(node, request)).toList(), findings, null));
    }

    // --- what the columns hold --------------------------------------------------------------------------------

    private Map<String, PersonalColumns.Finding> classify(LiveSchema.Table table) throws SQLException {
        Map<String, PersonalColumns.Finding> found = new LinkedHashMap<>();
        boolean plainTable = PLAIN.matcher(table.id().name()).matches();
        for (LiveSchema.Column column : table.columns()) {
            List<String> sample = plainTable && PLAIN.matcher(column.name()).matches() && sampled(column)
                    ? sample(table, column) : List.of();
            PersonalColumns.classify(column.name(), column.type(), column.size(), column.comment(), sample)
                    .ifPresent(finding -> found.put(column.name().toLowerCase(Locale.ROOT), finding));
        }
        return found;
    }

    private static boolean sampled(LiveSchema.Column column) {
        return column.isText() || column.type() == Types.OTHER;
    }

    /** At most {@value #SAMPLE} non-null values, as text; they leave this method only through the classifier. */
    private List<String> sample(LiveSchema.Table table, LiveSchema.Column column) throws SQLException {
        String sql = "SELECT " + column.name() + " FROM " + qualified(table) + " WHERE " + column.name()
                + " IS NOT NULL";
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(SAMPLE);
            statement.setQueryTimeout(10);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next() && values.size() < SAMPLE) {
                    values.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            // A column this user may not read, a type the driver cannot show as text: judged by its name alone.
            return List.of();
        }
        return values;
    }

    private String qualified(LiveSchema.Table table) {
        return table.id().container() == null ? table.id().name() : table.id().container() + "." + table.id().name();
    }

    private Optional<PersonalColumns.Finding> finding(LiveSchema.Table table, String column) {
        return Optional.ofNullable(personal.get(table.id()).get(column.toLowerCase(Locale.ROOT)));
    }

    // --- the identity table and the tree ----------------------------------------------------------------------

    /** Tables that can identify a person, the likeliest first: a name that says so, then the most tables below. */
    private List<LiveSchema.Table> candidates() {
        List<LiveSchema.Table> candidates = new ArrayList<>();
        for (LiveSchema.Table table : schema.tables()) {
            if (table.primaryKey().size() == 1 && PLAIN.matcher(table.id().name()).matches()
                    && emailColumn(table).isPresent()) {
                candidates.add(table);
            }
        }
        candidates.sort(Comparator.comparing((LiveSchema.Table t) -> !IDENTITY_NAME.matcher(t.id().name()).find())
                .thenComparing(t -> -reachable(t))
                .thenComparing(t -> t.id().name().toLowerCase(Locale.ROOT)));
        return candidates;
    }

    private Optional<String> emailColumn(LiveSchema.Table table) {
        return table.columns().stream()
                .filter(c -> finding(table, c.name()).map(f -> f.kind() == PersonalColumns.Kind.EMAIL).orElse(false))
                .filter(c -> PLAIN.matcher(c.name()).matches())
                .sorted(Comparator.comparing(c -> !c.name().toLowerCase(Locale.ROOT).contains("email")))
                .map(LiveSchema.Column::name).findFirst();
    }

    /** How many tables hang below a table through one-column foreign keys. */
    private int reachable(LiveSchema.Table start) {
        Set<LiveSchema.TableId> seen = new LinkedHashSet<>();
        Deque<LiveSchema.Table> queue = new ArrayDeque<>(List.of(start));
        seen.add(start.id());
        while (!queue.isEmpty()) {
            for (LiveSchema.ForeignKey key : queue.poll().exported()) {
                Optional<LiveSchema.Table> from = schema.table(key.from());
                if (key.singleColumn() && from.isPresent() && seen.add(key.from())) {
                    queue.add(from.get());
                }
            }
        }
        return seen.size() - 1;
    }

    /** Breadth first from the identity table along the foreign keys that refer to each table. */
    private List<Node> walk(Node root, List<String> findings) {
        List<Node> tree = new ArrayList<>();
        Map<LiveSchema.TableId, Node> placed = new LinkedHashMap<>();
        Deque<Node> queue = new ArrayDeque<>(List.of(root));
        placed.put(root.table.id(), root);
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            tree.add(node);
            List<LiveSchema.ForeignKey> referrers = new ArrayList<>(node.table.exported());
            referrers.sort(Comparator.comparing(k -> k.from().key()));
            for (LiveSchema.ForeignKey key : referrers) {
                String fk = key.describe(schema.defaultContainer());
                String from = key.from().display(schema.defaultContainer());
                Optional<LiveSchema.Table> referrer = schema.table(key.from());
                if (key.from().equals(node.table.id())) {
                    continue; // a table referring to itself (a referral, a manager): SchemaRules judges its deletion
                }
                if (referrer.isEmpty()) {
                    node.mustStay.add(from + ", outside the schema read, refers to it (" + fk + ")");
                    findings.add(from + " refers to " + node.name() + " (" + fk + ") but lives in another schema: "
                            + "not mapped, so the rows of " + node.name() + " are kept.");
                    continue;
                }
                if (!key.singleColumn()) {
                    node.mustStay.add(from + " refers to it by " + key.fromColumns().size() + " columns (" + fk + ")");
                    findings.add(from + " refers to " + node.name() + " by a foreign key of "
                            + key.fromColumns().size() + " columns (" + fk + "): the mapping follows one-column keys, "
                            + "so " + from + " is not mapped and the rows of " + node.name() + " are kept.");
                    continue;
                }
                if (!PLAIN.matcher(key.from().name()).matches() || !PLAIN.matcher(key.fromColumns().get(0)).matches()) {
                    node.mustStay.add(from + " (a name that needs quotes) refers to it");
                    findings.add(from + " needs quotes in SQL, so it cannot be mapped (map a plain-named view "
                            + "over it by hand); the rows of " + node.name() + " are kept.");
                    continue;
                }
                Node known = placed.get(key.from());
                if (known != null) {
                    if (known.parent != null && known.parent != node && !known.isAncestorOf(node)) {
                        findings.add(known.name() + " can be reached through " + known.parent.name() + " ("
                                + LiveSchema.asWritten(known.foreignKey) + ") or through " + node.name() + " ("
                                + LiveSchema.asWritten(key.fromColumns().get(0)) + "): proposed through "
                                + known.parent.name() + ", the path found first (fewest hops). To follow the other, "
                                + "move it under " + node.name() + " in the YAML.");
                    }
                    continue; // whether this reference keeps the node's rows is judged below, from the referrer

                }
                Node child = new Node(referrer.get(), node, key.fromColumns().get(0), key.toColumns().get(0));
                placed.put(key.from(), child);
                queue.add(child);
            }
        }
        // References up from a mapped table to rows the subject may share (a default address, a household).
        for (Node node : List.copyOf(tree)) {
            if (node.shared) {
                continue; // the rows above shared rows are other people's
            }
            for (LiveSchema.ForeignKey key : node.table.imported()) {
                Node target = placed.get(key.to());
                Optional<LiveSchema.Table> up = schema.table(key.to());
                String fk = key.describe(schema.defaultContainer());
                String to = key.to().display(schema.defaultContainer());
                if (target == null && up.isPresent() && key.singleColumn() && !personal.get(key.to()).isEmpty()
                        && up.get().primaryKey().size() == 1 && PLAIN.matcher(key.to().name()).matches()) {
                    // Followed up (parentKey: the referring column), kept: another person may share the rows.
                    Node shared = new Node(up.get(), node, key.toColumns().get(0), key.fromColumns().get(0));
                    shared.shared = true;
                    placed.put(key.to(), shared);
                    tree.add(shared);
                    findings.add(node.name() + " refers up to " + to + " (" + fk + "): mapped under " + node.name()
                            + " through " + LiveSchema.asWritten(key.fromColumns().get(0)) + ", so the subject sees "
                            + "those rows; kept on erasure, since other people may share them.");
                } else if (target == null) {
                    findings.add(node.name() + " refers up to " + to + " (" + fk + "): not mapped, as nothing in "
                            + to + " looks personal" + (key.singleColumn() ? "" : " (and the key has several "
                            + "columns)") + ".");
                } else if (!target.isAncestorOf(node) && target != node) {
                    // The mapping's own deletes would run into this reference (an ancestor refers down to it, or a
                    // table on another branch does): its rows are kept, the safe choice.
                    target.mustStay.add(node.name() + " refers to it (" + key.describe(schema.defaultContainer())
                            + ")");
                    if (node.isAncestorOf(target)) {
                        findings.add(node.name() + " refers to " + target.name() + " (" + key.describe(
                                schema.defaultContainer()) + "), which is mapped below it: an erasure deletes "
                                + "children first, so the rows of " + target.name() + " are kept.");
                    }
                }
            }
        }
        return tree;
    }

    /** Tables the walk did not reach: named, and those that look personal said so. */
    private void unreached(List<Node> tree, List<String> findings) {
        Set<LiveSchema.TableId> mapped = new LinkedHashSet<>();
        tree.forEach(node -> mapped.add(node.table.id()));
        List<String> personalButUnreached = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (LiveSchema.Table table : schema.tables()) {
            if (mapped.contains(table.id())) {
                continue;
            }
            String name = LiveSchema.asWritten(table.id().name());
            (personal.get(table.id()).isEmpty() ? other : personalButUnreached).add(name);
        }
        if (!personalButUnreached.isEmpty()) {
            findings.add("Not reached from " + tree.get(0).name() + " by any foreign key, though they hold columns "
                    + "that look personal: " + String.join(", ", personalButUnreached) + ". Map them by hand if "
                    + "they hold the subject's data.");
        }
        if (!other.isEmpty()) {
            findings.add("Not mapped (no foreign key path to " + tree.get(0).name() + ", nothing that looks "
                    + "personal): " + String.join(", ", other) + ".");
        }
        if (!tree.get(0).table.partitions().isEmpty() || tree.stream().anyMatch(n -> !n.table.partitions().isEmpty())) {
            tree.stream().filter(n -> !n.table.partitions().isEmpty()).forEach(n -> findings.add(n.name()
                    + " is partitioned (" + String.join(", ", n.table.partitions()) + "): mapped as one table; the "
                    + "database routes each statement to its partitions."));
        }
    }

    // --- what an erasure does ---------------------------------------------------------------------------------

    /**
     * Children first: a table is kept when something outside the mapping needs its rows, or a child is kept. What
     * staff chose on the review page (a table's erasure, a column's mask) takes the place of the proposal; what it
     * breaks, the live check then says.
     */
    private void decide(Node node, SchemaProposal.Request request) {
        node.children.forEach(child -> decide(child, request));
        for (Node child : node.children) {
            if (child.mode != TableErasure.Mode.DELETE) {
                node.mustStay.add("its child " + child.name() + " is kept");
            }
        }
        for (LiveSchema.ForeignKey key : node.table.exported()) {
            boolean mapped = node.children.stream().anyMatch(c -> c.table.id().equals(key.from()));
            boolean byAnother = !mapped && !key.from().equals(node.table.id()) && schema.table(key.from()).isPresent()
                    && key.singleColumn() && PLAIN.matcher(key.from().name()).matches();
            if (byAnother && !key.cascades() && !key.setsNull() && !placedSomewhere(node, key.from())) {
                node.mustStay.add(key.from().display(schema.defaultContainer()) + ", not mapped, refers to it ("
                        + key.describe(schema.defaultContainer()) + ")");
            }
        }
        masks(node, request);
        boolean maskable = !node.masks.isEmpty() && !node.table.primaryKey().isEmpty();
        if (node.shared) {
            node.mode = TableErasure.Mode.RETAIN;
            node.why = "the subject's " + node.parent.name() + " rows refer to these rows, which other people may "
                    + "share: they are kept; give the legal basis for keeping them, or delete this table from the "
                    + "YAML if the rows are the subject's alone";
        } else if (KEPT_BY_LAW.matcher(node.table.id().name()).find()) {
            node.mode = TableErasure.Mode.RETAIN;
            node.why = "its name suggests records a law may require (invoices, payments, tax): give the legal basis "
                    + "and what they are kept for, or choose to delete them";
        } else if (node.mustStay.isEmpty()) {
            node.mode = TableErasure.Mode.DELETE;
            node.why = "nothing outside the mapping refers to its rows";
        } else if (maskable) {
            node.mode = TableErasure.Mode.MASK;
            node.why = "its rows must stay: " + String.join("; ", node.mustStay) + "; so its personal columns are "
                    + "masked";
        } else {
            node.mode = TableErasure.Mode.RETAIN;
            node.why = "its rows must stay: " + String.join("; ", node.mustStay) + (node.table.primaryKey().isEmpty()
                    ? "; it has no primary key to mask by" : "; nothing in it looks personal to mask")
                    + ": give the legal basis for keeping them";
        }
        String chosen = request.erasures().get(node.name());
        TableErasure.Mode proposed = node.mode;
        if ("delete".equals(chosen)) {
            node.mode = TableErasure.Mode.DELETE;
        } else if ("retain".equals(chosen)) {
            node.mode = TableErasure.Mode.RETAIN;
        } else if ("mask".equals(chosen) && maskable) {
            node.mode = TableErasure.Mode.MASK;
        }
        if (node.mode != proposed) {
            node.chosen = true;
            node.why = "chosen instead of the proposal, which was to " + verb(proposed) + ": " + node.why;
        }
    }

    private static String verb(TableErasure.Mode mode) {
        return switch (mode) {
            case DELETE -> "delete the rows";
            case MASK -> "keep the rows and mask them";
            case RETAIN -> "keep the rows whole";
        };
    }

    /**
     * The masks of a table's columns should its rows be kept: each personal column gets what its type and
     * nullability allow, unless staff chose another of its choices or to keep it; key and link columns never change.
     */
    private void masks(Node node, SchemaProposal.Request request) {
        Set<String> structure = structure(node);
        for (LiveSchema.Column column : node.table.columns()) {
            if (structure.contains(column.name().toLowerCase(Locale.ROOT)) || !PLAIN.matcher(column.name()).matches()) {
                continue;
            }
            String name = LiveSchema.asWritten(column.name());
            String chosen = request.masks().get(node.name() + "." + name);
            Optional<String> mask = chosen == null
                    ? finding(node.table, column.name()).flatMap(found -> strategy(column))
                    : choices(column).contains(chosen) && !chosen.equals(KEEP) ? Optional.of(chosen) : Optional.empty();
            mask.ifPresent(strategy -> node.masks.put(name, strategy));
        }
    }

    /** What staff may choose for a column of kept rows: the masks its type and nullability allow, or to keep it. */
    static List<String> choices(LiveSchema.Column column) {
        List<String> choices = new ArrayList<>();
        if (column.nullable()) {
            choices.add(Strategy.SET_NULL.yamlName());
        }
        if (column.isText()) {
            choices.add(Strategy.REDACT.yamlName());
            if (column.size() <= 0 || column.size() >= 64) {
                choices.add(Strategy.HASH.yamlName());
            }
        }
        if (column.isDateOrTime()) {
            choices.add(Strategy.YEAR_ONLY.yamlName());
        }
        if (column.isNumber()) {
            choices.add(Strategy.ZERO.yamlName());
        }
        choices.add(KEEP);
        return choices;
    }

    private static boolean placedSomewhere(Node node, LiveSchema.TableId id) {
        Node root = node;
        while (root.parent != null) {
            root = root.parent;
        }
        Deque<Node> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Node next = queue.poll();
            if (next.table.id().equals(id)) {
                return true;
            }
            queue.addAll(next.children);
        }
        return false;
    }

    /** Key and link columns: never masked, the erasure and its proof find rows through them. */
    private static Set<String> structure(Node node) {
        Set<String> columns = new LinkedHashSet<>();
        node.table.primaryKey().forEach(c -> columns.add(c.toLowerCase(Locale.ROOT)));
        if (node.foreignKey != null) {
            columns.add(node.foreignKey.toLowerCase(Locale.ROOT));
        }
        node.children.forEach(child -> columns.add(child.parentKey.toLowerCase(Locale.ROOT)));
        return columns;
    }

    /** The mask a column's type and nullability allow, or none (it is then kept as it is). */
    private static Optional<String> strategy(LiveSchema.Column column) {
        if (column.nullable()) {
            return Optional.of(Strategy.SET_NULL.yamlName());
        }
        if (column.isText()) {
            return Optional.of(Strategy.REDACT.yamlName());
        }
        if (column.isDateOrTime()) {
            return Optional.of(Strategy.YEAR_ONLY.yamlName());
        }
        if (column.isNumber()) {
            return Optional.of(Strategy.ZERO.yamlName());
        }
        return Optional.empty();
    }

    // --- the definition ---------------------------------------------------------------------------------------

    private Map<String, Object> source(SchemaProposal.Request request, Node root, List<Node> tree) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("key", request.key());
        source.put("name", request.name());
        source.put("description", "Proposed by schema discovery from " + schema.product().split(" ")[0]
                + (schema.defaultContainer() == null ? "" : ", schema " + schema.defaultContainer()));
        if (request.ownerGroup() != null) {
            source.put("ownerGroup", request.ownerGroup());
        }
        source.put("kind", "sql");
        source.put("requestTypes", List.of("ACCESS", "PORTABILITY", "DELETION"));
        source.put("personalData", personalData(tree));
        Map<String, Object> connectionYaml = new LinkedHashMap<>();
        connectionYaml.put("url", request.url());
        if (request.username() != null) {
            connectionYaml.put("username", request.username());
        }
        if (request.password() != null) {
            connectionYaml.put("password", Map.of(request.password().source().name().toLowerCase(Locale.ROOT),
                    request.password().name()));
        }
        if (request.schema() != null) {
            connectionYaml.put("schema", request.schema());
        }
        source.put("connection", connectionYaml);
        source.put("dataset", dataset(root, request));
        return source;
    }

    private Map<String, Object> dataset(Node node, SchemaProposal.Request request) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("table", node.name());
        List<String> key = node.table.primaryKey().stream().map(LiveSchema::asWritten).toList();
        if (!key.isEmpty()) {
            yaml.put("key", key.size() == 1 ? key.get(0) : key);
        }
        if (node.parent == null) {
            Map<String, Object> match = new LinkedHashMap<>();
            match.put("email", LiveSchema.asWritten(emailColumn(node.table).orElseThrow()));
            accountIdColumn(node.table).ifPresent(column -> match.put("accountId", LiveSchema.asWritten(column)));
            yaml.put("match", match);
        } else {
            yaml.put("foreignKey", LiveSchema.asWritten(node.foreignKey));
            yaml.put("parentKey", LiveSchema.asWritten(node.parentKey));
        }
        yaml.put("access", access(node.table));
        yaml.put("erasure", erasure(node, request));
        if (!node.children.isEmpty()) {
            yaml.put("children", node.children.stream().map(child -> dataset(child, request)).toList());
        }
        return yaml;
    }

    /** Every column that can be shown as a value: the subject's rows are theirs to see, whole. */
    private static List<String> access(LiveSchema.Table table) {
        return table.columns().stream().filter(c -> PLAIN.matcher(c.name()).matches()).filter(c -> !isBinary(c))
                .map(c -> LiveSchema.asWritten(c.name())).toList();
    }

    private static boolean isBinary(LiveSchema.Column column) {
        return switch (column.type()) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> true;
            default -> false;
        };
    }

    private Optional<String> accountIdColumn(LiveSchema.Table table) {
        return table.columns().stream()
                .filter(c -> ACCOUNT_ID_NAME.matcher(c.name()).matches() && c.isText())
                .filter(c -> table.indexes().stream().anyMatch(i -> i.unique() && i.columns().size() == 1
                        && i.startsWith(c.name())))
                .map(LiveSchema.Column::name).findFirst();
    }

    private Object erasure(Node node, SchemaProposal.Request request) {
        return switch (node.mode) {
            case DELETE -> "delete";
            case RETAIN -> {
                Map<String, Object> retain = new LinkedHashMap<>();
                SchemaProposal.Reason reason = request.reasons().get(node.name());
                retain.put("strategy", "retain");
                retain.put("basis", reason == null || reason.basis() == null ? "CHOOSE_A_BASIS" : reason.basis().name());
                retain.put("note", reason == null || reason.note() == null || reason.note().isBlank()
                        ? "say what the rows are kept for" : reason.note().strip());
                yield retain;
            }
            case MASK -> {
                Map<String, Object> columns = new LinkedHashMap<>();
                node.masks.forEach((column, strategy) -> columns.put(column, shortRedaction(node, column, strategy)
                        ? Map.of("strategy", "redact", "value", "-") : strategy));
                yield Map.of("columns", columns);
            }
        };
    }

    /** A text column too short for the default redaction text gets one of a single character. */
    private static boolean shortRedaction(Node node, String column, String strategy) {
        return strategy.equals(Strategy.REDACT.yamlName()) && node.table.column(column)
                .map(c -> c.size() > 0 && c.size() < REDACTION.length()).orElse(false);
    }

    /** The registry categories found, each table labelled in the subject's words and filed under its main one. */
    private Map<String, Object> personalData(List<Node> tree) {
        Set<String> categories = new LinkedHashSet<>();
        Map<String, Object> tables = new LinkedHashMap<>();
        for (Node node : tree) {
            Map<String, PersonalColumns.Finding> found = personal.get(node.table.id());
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("label", node.parent == null ? "your account" : "your " + node.name().replace('_', ' '));
            Map<String, Long> counts = new LinkedHashMap<>();
            found.values().forEach(f -> counts.merge(f.category(), 1L, Long::sum));
            categories.addAll(counts.keySet());
            counts.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(main -> {
                label.put("category", main.getKey());
                categories.add(main.getKey());
            });
            Map<String, Object> columns = new LinkedHashMap<>();
            for (LiveSchema.Column column : node.table.columns()) {
                PersonalColumns.Finding finding = found.get(column.name().toLowerCase(Locale.ROOT));
                if (finding != null && PLAIN.matcher(column.name()).matches() && !isBinary(column)) {
                    columns.put(LiveSchema.asWritten(column.name()), finding.kind().label());
                }
            }
            if (!columns.isEmpty()) {
                label.put("columns", columns);
            }
            tables.put(node.name(), label);
        }
        Map<String, Object> personalData = new LinkedHashMap<>();
        if (!categories.isEmpty()) {
            personalData.put("categories", List.copyOf(categories));
        }
        personalData.put("tables", tables);
        return personalData;
    }

    private SchemaProposal.Table view(Node node, SchemaProposal.Request request) {
        Set<String> structure = structure(node);
        Set<String> links = new LinkedHashSet<>();
        if (node.foreignKey != null) {
            links.add(node.foreignKey.toLowerCase(Locale.ROOT));
        }
        node.children.forEach(child -> links.add(child.parentKey.toLowerCase(Locale.ROOT)));
        List<SchemaProposal.Column> columns = new ArrayList<>();
        for (LiveSchema.Column column : node.table.columns()) {
            String lower = column.name().toLowerCase(Locale.ROOT);
            Optional<PersonalColumns.Finding> finding = finding(node.table, column.name());
            String role = node.table.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(column.name())) ? "key"
                    : links.contains(lower) ? "link" : null;
            boolean choosable = node.mode == TableErasure.Mode.MASK && !structure.contains(lower)
                    && PLAIN.matcher(column.name()).matches();
            String strategy = node.mode == TableErasure.Mode.MASK
                    ? Optional.ofNullable(node.masks.get(LiveSchema.asWritten(column.name())))
                            .orElse(structure.contains(lower) ? null : KEEP)
                    : node.mode == TableErasure.Mode.DELETE ? "deleted with the row" : "kept (retain)";
            columns.add(new SchemaProposal.Column(LiveSchema.asWritten(column.name()), column.typeName()
                    + (column.isText() && column.size() > 0 && column.size() < Integer.MAX_VALUE
                    ? "(" + column.size() + ")" : ""), column.nullable(), role,
                    finding.map(f -> f.kind().label()).orElse(null), finding.map(PersonalColumns.Finding::category)
                    .orElse(null), finding.map(PersonalColumns.Finding::reason).orElse(null),
                    finding.map(PersonalColumns.Finding::maskedExample).orElse(null), strategy,
                    choosable ? choices(column) : List.of()));
        }
        SchemaProposal.Reason reason = request.reasons().get(node.name());
        boolean retain = node.mode == TableErasure.Mode.RETAIN;
        return new SchemaProposal.Table(node.name(), node.parent == null ? null : node.parent.name(),
                node.foreignKey == null ? null : LiveSchema.asWritten(node.foreignKey),
                node.mode.name().toLowerCase(Locale.ROOT), node.why, retain,
                retain && reason != null && reason.basis() != null ? reason.basis().name() : null,
                retain && reason != null ? reason.note() : null, columns);
    }
}
