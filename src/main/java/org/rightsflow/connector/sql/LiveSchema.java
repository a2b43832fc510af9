package org.rightsflow.connector.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a connected database really holds, read from its catalogue: tables and views, their columns (type, size,
 * nullability, comment), primary keys, foreign keys in both directions with their delete rules, indexes, triggers and
 * partitions. The connection test, the dry run and schema discovery all judge a mapping against this picture, so the
 * rules about what the database will refuse live in one place ({@link SchemaRules}, {@link SchemaDiscovery}).
 *
 * <p>Tables are known by {@link TableId}: the container (a schema; for MySQL/MariaDB the database, which JDBC calls a
 * catalog) and the name, both compared ignoring case because databases fold unquoted names differently. Triggers and
 * partitions are not in JDBC's metadata: they are read from the catalogue of PostgreSQL, MySQL/MariaDB and H2, and
 * are simply absent for other databases.
 */
final class LiveSchema {

    /** A table's place: its schema (or MySQL database) and its name, as the catalogue spells them. */
    record TableId(String container, String name) {

        String key() {
            return (container == null ? "" : container.toLowerCase(Locale.ROOT)) + "." + name.toLowerCase(Locale.ROOT);
        }

        /**
         * {@code schema.name}, or the name alone when it lives in {@code defaultContainer}; in lower case where the
         * database upper-cased an unquoted name (H2), as a mapping writes it.
         */
        String display(String defaultContainer) {
            String shown = asWritten(name);
            return container == null || container.equalsIgnoreCase(defaultContainer) ? shown
                    : asWritten(container) + "." + shown;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TableId id && id.key().equals(key());
        }

        @Override
        public int hashCode() {
            return key().hashCode();
        }
    }

    /** A name as a mapping would write it: databases that upper-case unquoted names (H2, Oracle) show them so. */
    static String asWritten(String name) {
        return name != null && name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
    }

    record Column(String name, int type, String typeName, int size, boolean nullable, String comment) {

        boolean isText() {
            return switch (type) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                     Types.CLOB, Types.NCLOB -> true;
                default -> false;
            };
        }

        boolean isDateOrTime() {
            return type == Types.DATE || type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
        }

        boolean isNumber() {
            return switch (type) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL,
                     Types.REAL, Types.FLOAT, Types.DOUBLE -> true;
                default -> false;
            };
        }
    }

    /**
     * A foreign key: {@code from.fromColumns} refers to {@code to.toColumns}.
     *
     * @param deleteRule one of {@link DatabaseMetaData#importedKeyCascade} and its siblings
     */
    record ForeignKey(String name, TableId from, List<String> fromColumns, TableId to, List<String> toColumns,
                      int deleteRule) {

        boolean singleColumn() {
            return fromColumns.size() == 1;
        }

        boolean cascades() {
            return deleteRule == DatabaseMetaData.importedKeyCascade;
        }

        boolean setsNull() {
            return deleteRule == DatabaseMetaData.importedKeySetNull
                    || deleteRule == DatabaseMetaData.importedKeySetDefault;
        }

        /** How staff read it: {@code order_lines(order_id) → orders(id)}. */
        String describe(String defaultContainer) {
            return from.display(defaultContainer) + "(" + String.join(", ", written(fromColumns)) + ") → "
                    + to.display(defaultContainer) + "(" + String.join(", ", written(toColumns)) + ")"
                    + (name == null ? "" : " [" + name + "]");
        }

        static List<String> written(List<String> columns) {
            return columns.stream().map(LiveSchema::asWritten).toList();
        }
    }

    /** An index; a column of an expression index is the expression's text ({@code lower((email)::text)}). */
    record Index(String name, List<String> columns, boolean unique) {

        boolean startsWith(String column) {
            return !columns.isEmpty() && columns.get(0).equalsIgnoreCase(column);
        }
    }

    /**
     * A trigger on a table.
     *
     * @param timing     BEFORE, AFTER or INSTEAD OF, as the catalogue says
     * @param events     INSERT, UPDATE, DELETE (several, comma-separated)
     * @param definition what the trigger runs, as far as the catalogue shows it (a PostgreSQL function's source, a
     *                   MySQL trigger's body, an H2 trigger's Java class)
     */
    record Trigger(String name, String timing, String events, String definition) {

        boolean firesOnUpdate() {
            return events.toUpperCase(Locale.ROOT).contains("UPDATE");
        }
    }

    record Table(TableId id, String kind, List<Column> columns, List<String> primaryKey, List<ForeignKey> imported,
                 List<ForeignKey> exported, List<Index> indexes, List<Trigger> triggers, String comment,
                 List<String> partitions) {

        Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }

        boolean isView() {
            return kind.toUpperCase(Locale.ROOT).contains("VIEW");
        }

        boolean hasIndexStartingWith(String column) {
            return indexes.stream().anyMatch(index -> index.startsWith(column))
                    || (!primaryKey.isEmpty() && primaryKey.get(0).equalsIgnoreCase(column));
        }
    }

    private final String product;
    private final String defaultContainer;
    private final Map<String, Table> tables;
    private final Set<String> views;

    private LiveSchema(String product, String defaultContainer, Map<String, Table> tables, Set<String> views) {
        this.product = product;
        this.defaultContainer = defaultContainer;
        this.tables = tables;
        this.views = views;
    }

    String product() {
        return product;
    }

    /** The schema (MySQL: database) unqualified names live in. */
    String defaultContainer() {
        return defaultContainer;
    }

    boolean isPostgres() {
        return product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    Optional<Table> table(TableId id) {
        return Optional.ofNullable(tables.get(id.key()));
    }

    /** Every table read, in name order. */
    List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /** The names of the views of the schema (discovery lists them; it maps base tables only). */
    Set<String> views() {
        return views;
    }

    /** Where a mapping's table name ({@code orders} or {@code sales.orders}) points, with the mapping's schema. */
    TableId idOf(String mappedName) {
        if (mappedName.contains(".")) {
            return new TableId(mappedName.substring(0, mappedName.indexOf('.')),
                    mappedName.substring(mappedName.indexOf('.') + 1));
        }
        return new TableId(defaultContainer, mappedName);
    }

    /**
     * Reads the named tables (as a mapping names them); a name the database does not know is left out.
     *
     * @param schema the mapping's {@code connection.schema}, or null for the connection's own
     */
    static LiveSchema readTables(Connection connection, String schema, List<String> mappedNames) throws SQLException {
        Reader reader = new Reader(connection, schema);
        Map<String, Table> tables = new TreeMap<>();
        for (String mapped : mappedNames) {
            TableId located = reader.locate(mapped);
            if (located != null) {
                Table table = reader.table(located, "TABLE");
                tables.put(located.key(), table);
            }
        }
        return new LiveSchema(reader.product, reader.container, tables, Set.of());
    }

    /** Reads every table of the schema (or of the connection's own), leaving out partitions of a partitioned table. */
    static LiveSchema readAll(Connection connection, String schema) throws SQLException {
        Reader reader = new Reader(connection, schema);
        Map<String, Table> tables = new TreeMap<>();
        Set<String> views = new LinkedHashSet<>();
        Map<String, List<String>> partitions = reader.partitions();
        for (String[] found : reader.list()) {
            String name = found[0];
            String kind = found[1];
            if (kind.toUpperCase(Locale.ROOT).contains("VIEW")) {
                views.add(name);
            } else if (!reader.isPartition(new TableId(reader.container, name))) {
                TableId id = new TableId(reader.container, name);
                Table table = reader.table(id, kind);
                List<String> parts = partitions.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
                tables.put(id.key(), new Table(table.id(), table.kind(), table.columns(), table.primaryKey(),
                        table.imported(), table.exported(), table.indexes(), table.triggers(), table.comment(),
                        parts));
            }
        }
        return new LiveSchema(reader.product, reader.container, tables, views);
    }

    /** The catalogue reads, for one connection and one schema. */
    private static final class Reader {

        private final Connection connection;
        private final DatabaseMetaData meta;
        private final boolean schemas;
        private final String container;
        private final String product;
        private final String escape;

        Reader(Connection connection, String schema) throws SQLException {
            this.connection = connection;
            this.meta = connection.getMetaData();
            this.product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            // MySQL and MariaDB call a database a catalog in JDBC, and have no schemas inside it.
            this.schemas = meta.supportsSchemasInTableDefinitions();
            String wanted = schema != null ? schema : (schemas ? connection.getSchema() : connection.getCatalog());
            this.escape = meta.getSearchStringEscape();
            this.container = spelled(wanted);
            this.partitions = readPartitions();
            partitions.values().forEach(list -> list.forEach(name -> partitionNames.add(name.toLowerCase(Locale.ROOT))));
        }

        /** PostgreSQL: partitioned table (lower-case) → its partitions. */
        private final Map<String, List<String>> partitions;
        /** Every partition's name, lower-case: each repeats its parent's foreign keys, which the parent stands for. */
        private final Set<String> partitionNames = new LinkedHashSet<>();

        Map<String, List<String>> partitions() {
            return partitions;
        }

        boolean isPartition(TableId id) {
            return (id.container() == null || id.container().equalsIgnoreCase(container))
                    && partitionNames.contains(id.name().toLowerCase(Locale.ROOT));
        }

        /** The container as the catalogue spells it (PostgreSQL lower-cases, H2 upper-cases unquoted names). */
        private String spelled(String wanted) throws SQLException {
            if (wanted == null) {
                return null;
            }
            try (ResultSet rs = schemas ? meta.getSchemas() : meta.getCatalogs()) {
                while (rs.next()) {
                    String name = rs.getString(schemas ? "TABLE_SCHEM" : "TABLE_CAT");
                    if (name != null && name.equalsIgnoreCase(wanted)) {
                        return name;
                    }
                }
            }
            return wanted;
        }

        TableId locate(String mappedName) throws SQLException {
            String name = mappedName;
            String where = container;
            if (name.contains(".")) {
                where = spelled(name.substring(0, name.indexOf('.')));
                name = name.substring(name.indexOf('.') + 1);
            }
            for (String variant : variants(name)) {
                try (ResultSet rs = meta.getTables(schemas ? null : where, schemas ? pattern(where) : null,
                        pattern(variant), null)) {
                    while (rs.next()) {
                        String found = rs.getString("TABLE_NAME");
                        if (found.equalsIgnoreCase(name)) {
                            return new TableId(where, found);
                        }
                    }
                }
            }
            return null;
        }

        /** Name and kind of every table and view of the container. */
        List<String[]> list() throws SQLException {
            List<String[]> found = new ArrayList<>();
            try (ResultSet rs = meta.getTables(schemas ? null : container, schemas ? pattern(container) : null, "%",
                    null)) {
                while (rs.next()) {
                    String kind = String.valueOf(rs.getString("TABLE_TYPE"));
                    String upper = kind.toUpperCase(Locale.ROOT);
                    if (upper.contains("TABLE") && !upper.contains("SYSTEM") && !upper.contains("TEMPORARY")
                            || upper.contains("VIEW") && !upper.contains("SYSTEM")) {
                        found.add(new String[] {rs.getString("TABLE_NAME"), kind});
                    }
                }
            }
            found.sort((a, b) -> a[0].compareToIgnoreCase(b[0]));
            return found;
        }

        Table table(TableId id, String kind) throws SQLException {
            String catalog = schemas ? null : id.container();
            String schema = schemas ? id.container() : null;
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(catalog, pattern(schema), pattern(id.name()), "%")) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"),
                            rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
                            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("REMARKS")));
                }
            }
            Map<Short, String> key = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, id.name())) {
                while (rs.next()) {
                    key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            List<ForeignKey> imported;
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, id.name())) {
                imported = foreignKeys(rs);
            }
            List<ForeignKey> exported;
            try (ResultSet rs = meta.getExportedKeys(catalog, schema, id.name())) {
                exported = foreignKeys(rs);
            }
            String comment = null;
            try (ResultSet rs = meta.getTables(catalog, pattern(schema), pattern(id.name()), null)) {
                if (rs.next()) {
                    comment = rs.getString("REMARKS");
                }
            }
            return new Table(id, kind, columns, List.copyOf(key.values()), imported, exported, indexes(catalog, schema,
                    id.name()), triggers(id), comment, List.of());
        }

        private List<ForeignKey> foreignKeys(ResultSet rs) throws SQLException {
            Map<String, ForeignKey> keys = new LinkedHashMap<>();
            while (rs.next()) {
                TableId from = new TableId(containerOf(rs, "FKTABLE"), rs.getString("FKTABLE_NAME"));
                TableId to = new TableId(containerOf(rs, "PKTABLE"), rs.getString("PKTABLE_NAME"));
                if (isPartition(from) || isPartition(to)) {
                    continue;
                }
                String name = rs.getString("FK_NAME");
                String id = from.key() + "/" + (name == null ? to.key() : name);
                ForeignKey known = keys.get(id);
                List<String> fromColumns = known == null ? new ArrayList<>() : new ArrayList<>(known.fromColumns());
                List<String> toColumns = known == null ? new ArrayList<>() : new ArrayList<>(known.toColumns());
                fromColumns.add(rs.getString("FKCOLUMN_NAME"));
                toColumns.add(rs.getString("PKCOLUMN_NAME"));
                keys.put(id, new ForeignKey(name, from, List.copyOf(fromColumns), to, List.copyOf(toColumns),
                        rs.getShort("DELETE_RULE")));
            }
            return List.copyOf(keys.values());
        }

        private String containerOf(ResultSet rs, String prefix) throws SQLException {
            return schemas ? rs.getString(prefix + "_SCHEM") : rs.getString(prefix + "_CAT");
        }

        private List<Index> indexes(String catalog, String schema, String table) throws SQLException {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            Map<String, Boolean> unique = new LinkedHashMap<>();
            try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, true)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (name == null || column == null) {
                        continue; // table statistics, not an index
                    }
                    columns.computeIfAbsent(name, n -> new ArrayList<>()).add(column);
                    unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            List<Index> indexes = new ArrayList<>();
            columns.forEach((name, list) -> indexes.add(new Index(name, List.copyOf(list), unique.get(name))));
            return indexes;
        }

        private List<Trigger> triggers(TableId id) throws SQLException {
            String lower = product.toLowerCase(Locale.ROOT);
            String sql;
            if (lower.contains("postgres")) {
                sql = "select t.tgname, pg_get_triggerdef(t.oid), p.prosrc from pg_trigger t"
                        + " join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace"
                        + " join pg_proc p on p.oid = t.tgfoid"
                        + " where not t.tgisinternal and n.nspname = ? and c.relname = ? order by t.tgname";
            } else if (lower.contains("mysql") || lower.contains("mariadb")) {
                sql = "select TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT"
                        + " from information_schema.TRIGGERS where EVENT_OBJECT_SCHEMA = ? and EVENT_OBJECT_TABLE = ?"
                        + " order by TRIGGER_NAME";
            } else if (lower.contains("h2")) {
                sql = "select TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, JAVA_CLASS"
                        + " from INFORMATION_SCHEMA.TRIGGERS where EVENT_OBJECT_SCHEMA = ? and EVENT_OBJECT_TABLE = ?"
                        + " order by TRIGGER_NAME";
            } else {
                return List.of();
            }
            Map<String, Trigger> triggers = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, id.container());
                statement.setString(2, id.name());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        Trigger trigger;
                        if (lower.contains("postgres")) {
                            // CREATE TRIGGER t BEFORE UPDATE OF a OR DELETE ON s.x FOR EACH ROW EXECUTE FUNCTION f()
                            String def = rs.getString(2).toUpperCase(Locale.ROOT);
                            String timing = def.contains(" BEFORE ") ? "BEFORE"
                                    : def.contains(" INSTEAD OF ") ? "INSTEAD OF" : "AFTER";
                            List<String> events = new ArrayList<>();
                            String head = def.substring(0, Math.max(def.indexOf(" ON "), 0));
                            for (String event : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
                                if (head.contains(event)) {
                                    events.add(event);
                                }
                            }
                            trigger = new Trigger(name, timing, String.join(",", events), rs.getString(3));
                        } else {
                            trigger = new Trigger(name, rs.getString(2), rs.getString(3), rs.getString(4));
                        }
                        Trigger known = triggers.get(name);
                        // MySQL and H2 list a trigger once per event.
                        triggers.put(name, known == null ? trigger : new Trigger(name, known.timing(),
                                known.events() + "," + trigger.events(), known.definition()));
                    }
                }
            } catch (SQLException e) {
                // A catalogue this user may not read: the check then knows no triggers, and says nothing of them.
                return List.of();
            }
            return List.copyOf(triggers.values());
        }

        /** PostgreSQL: partitioned table (lower-case) → its partitions. Other databases hide partitions. */
        private Map<String, List<String>> readPartitions() throws SQLException {
            if (!product.toLowerCase(Locale.ROOT).contains("postgres")) {
                return Map.of();
            }
            Map<String, List<String>> partitions = new LinkedHashMap<>();
            String sql = "select parent.relname, child.relname from pg_inherits i"
                    + " join pg_class parent on parent.oid = i.inhparent join pg_class child on child.oid = i.inhrelid"
                    + " join pg_namespace n on n.oid = parent.relnamespace"
                    + " where n.nspname = ? and child.relispartition order by child.relname";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, container);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        partitions.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                                .add(rs.getString(2));
                    }
                }
            }
            return partitions;
        }

        private static Set<String> variants(String name) {
            Set<String> variants = new LinkedHashSet<>();
            variants.add(name);
            variants.add(name.toUpperCase(Locale.ROOT));
            variants.add(name.toLowerCase(Locale.ROOT));
            return variants;
        }

        /** Metadata arguments are LIKE patterns, where "_" matches any character: escape it to match the name only. */
        private String pattern(String name) {
            if (name == null || escape == null || escape.isEmpty()) {
                return name;
            }
            return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        }
    }
}
