package org.rightsflow.connector.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.AutomatedConnector;
import org.rightsflow.connector.BatchContext;
import org.rightsflow.connector.ConnectionCheck;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.ConnectorKind;
import org.rightsflow.connector.DataLabels;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.DiscoversSchemas;
import org.rightsflow.connector.LegalBasis;
import org.rightsflow.connector.SchemaProposal;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.TableReport;
import org.rightsflow.connector.Words;
import org.rightsflow.support.SecretsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The connector for {@code kind: sql} systems: any database with a JDBC driver on the classpath (PostgreSQL,
 * MySQL/MariaDB, H2 ship with Rightsflow). What it reads and changes is declared by the system's dataset mapping
 * (docs/connected-systems.md, "sql").
 *
 * <p>Each system has a small connection pool of its own ({@link SystemPools}): thousands of requests a day would
 * otherwise open and authenticate a connection for every action. The pool is rebuilt when the system's connection
 * settings change or its password secret is rotated, and holds no connection while the system is idle. The
 * connection test opens a fresh connection instead, so that it shows whether Rightsflow can connect now. Every action runs in one transaction; ERASE commits once, after all tables, so an erasure happens entirely or not
 * at all and a retry after a failure starts from a clean state. A batch of opt-outs or limits commits per chunk of
 * people instead ({@link #performBatch}).
 */
@Component
class SqlConnector implements AutomatedConnector, DiscoversSchemas, AutoCloseable {

    /** The pools of a connector built outside Spring: for tests. */
    static final SqlPoolProperties TEST_POOLS = new SqlPoolProperties(4, Duration.ofSeconds(30), Duration.ofMinutes(5));

    private final Secrets secrets;
    private final String defaultHashKey;
    private final SystemPools pools;

    /**
     * @param keys  its erasure hash key is the key of the hash strategy for systems whose connection names no
     *              {@code hashKey}; blank when there is none
     * @param pools the size and timeouts of each system's connection pool
     */
    @Autowired
    SqlConnector(Secrets secrets, SecretsProperties keys, SqlPoolProperties pools) {
        this.secrets = secrets;
        this.defaultHashKey = keys.erasureHashKey();
        this.pools = new SystemPools(pools);
    }

    SqlConnector(Secrets secrets, SecretsProperties keys) {
        this(secrets, keys, TEST_POOLS);
    }

    /** The system's definition changed or it was removed: its pool is closed, the next action builds a new one. */
    @Override
    public void definitionChanged(String systemKey) {
        pools.forget(systemKey);
    }

    /** How many systems hold a pool now: for tests. */
    int pooledSystems() {
        return pools.size();
    }

    @Override
    public void close() {
        pools.close();
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.SQL;
    }

    @Override
    public void validate(SystemDefinition system) {
        SqlMapping mapping = MappingReader.read(system);
        checkLabels(system, mapping);
    }

    /**
     * The subject's words name tables and columns of the mapping: a label for a table the mapping does not have, or
     * for a column it does not return, is a typo that would leave data unnamed in the answer.
     */
    private static void checkLabels(SystemDefinition system, SqlMapping mapping) {
        system.personalData().labels().tables().forEach((name, label) -> {
            MappedTable table = mapping.tables().stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("system " + system.key()
                            + ": personalData.tables." + name + ": is not a table of the dataset; its tables are "
                            + mapping.tables().stream().map(MappedTable::name).toList()));
            for (String column : label.columns().keySet()) {
                if (!table.access().contains(column)) {
                    throw new IllegalArgumentException("system " + system.key() + ": personalData.tables." + name
                            + ".columns." + column + ": is not one of the table's access columns " + table.access());
                }
            }
        });
    }

    /** The fields the tables of the mapping declare under {@code correct}. */
    @Override
    public Set<String> correctableFields(SystemDefinition system) {
        Set<String> fields = new LinkedHashSet<>();
        MappingReader.read(system).tables().forEach(table -> fields.addAll(table.corrections().keySet()));
        return fields;
    }

    @Override
    public Map<String, Words> keptNotes(SystemDefinition system) {
        return MappingReader.keptNotes(system.dataset());
    }

    /** A field's label is its column's, in the first table that declares the field and labels that column. */
    @Override
    public Map<String, Words> correctableFieldLabels(SystemDefinition system) {
        DataLabels labels = system.personalData().labels();
        Map<String, Words> fieldLabels = new LinkedHashMap<>();
        for (MappedTable table : MappingReader.read(system).tables()) {
            labels.table(table.name()).ifPresent(label -> table.corrections().forEach((field, column) -> {
                Words words = label.columns().get(column);
                if (words != null) {
                    fieldLabels.putIfAbsent(field, words);
                }
            }));
        }
        return fieldLabels;
    }

    /**
     * An opt-out or a limit of sensitive data use needs columns declared for it; without them the action goes to the
     * owner group instead. A mapping that does not read says yes, so that the action fails with the reason rather
     * than quietly becoming a task.
     */
    @Override
    public boolean supports(SystemDefinition system, ConnectorAction action) {
        if (action != ConnectorAction.OPT_OUT && action != ConnectorAction.LIMIT_USE) {
            return true;
        }
        try {
            return declares(MappingReader.read(system), action);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean declares(SqlMapping mapping, ConnectorAction action) {
        return mapping.tables().stream().anyMatch(table -> !table.declaredValues(action).isEmpty());
    }

    @Override
    public ConnectionCheck testConnection(SystemDefinition system) {
        SqlMapping mapping;
        try {
            mapping = MappingReader.read(system);
        } catch (IllegalArgumentException e) {
            return ConnectionCheck.failed("The mapping is not valid: " + e.getMessage(), List.of(e.getMessage()));
        }
        String hashKeyProblem = null;
        if (mapping.usesHash()) {
            try {
                hashKey(mapping);
            } catch (ConnectorException e) {
                hashKeyProblem = e.getMessage();
            }
        }
        try (Connection connection = open(mapping.connection())) {
            connection.setReadOnly(true);
            ConnectionCheck check = new ConnectionChecker(mapping, connection).check();
            if (hashKeyProblem == null) {
                return check;
            }
            List<String> details = new ArrayList<>(check.details());
            details.add(0, hashKeyProblem);
            return ConnectionCheck.failed(check.ok() ? "Connected, but the erasure cannot run: " + hashKeyProblem
                    : check.message(), details);
        } catch (ConnectorException e) {
            return ConnectionCheck.failed(e.getMessage(), List.of());
        } catch (SQLException e) {
            // No subject is involved here, so the driver's own words are safe to show and the most useful.
            return ConnectionCheck.failed("Cannot connect or read the database's catalogue: "
                    + SqlFailures.meaning(String.valueOf(e.getSQLState())) + " (SQL state " + e.getSQLState() + ")",
                    List.of(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            return ConnectionCheck.failed("The connection test failed: " + e.getClass().getSimpleName(), List.of());
        }
    }

    /**
     * Reads the live schema the request points at and proposes a definition for it ({@link SchemaDiscovery}), checked
     * against that schema as "Test connection" would check it once saved. Read-only: nothing in the database changes,
     * and no value read to classify a column leaves the discovery but a masked example.
     *
     * @throws ConnectorException when the database cannot be reached or its catalogue read
     */
    @Override
    public SchemaProposal discover(SchemaProposal.Request request) {
        if (ConnectionSettings.refusal(request.url()) != null) {
            throw new ConnectorException("The JDBC URL is refused: " + ConnectionSettings.refusal(request.url()) + ".");
        }
        ConnectionSettings settings = new ConnectionSettings(request.url(), request.username(), request.password(),
                null, request.schema());
        try (Connection connection = open(settings)) {
            connection.setReadOnly(true);
            LiveSchema schema = LiveSchema.readAll(connection, request.schema());
            SchemaDiscovery.Result result = new SchemaDiscovery(schema, connection).propose(request);
            SchemaProposal proposal = result.proposal();
            if (proposal.yaml() == null) {
                return proposal;
            }
            ConnectionCheck check = checkProposal(proposal, connection);
            SchemaProposal.DryRun dryRun = request.testEmail() == null ? null
                    : dryRun(proposal, check, request.testEmail(), connection);
            return proposal.judged(check, dryRun);
        } catch (ConnectorException e) {
            throw e;
        } catch (SQLException e) {
            // No subject is involved: the driver's words say best why the catalogue cannot be read.
            throw new ConnectorException("Cannot connect or read the database's catalogue: "
                    + SqlFailures.meaning(String.valueOf(e.getSQLState())) + " (SQL state " + e.getSQLState() + "): "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(e.getMessage());
        }
    }

    /**
     * The proposal tried on a test subject before it is saved, read-only in one snapshot: the rows an access would
     * find per table, and the erasure's dry run. Only counts and the mapping's own notes come back; the test subject
     * is typed by an admin and is neither stored nor logged.
     */
    private SchemaProposal.DryRun dryRun(SchemaProposal proposal, ConnectionCheck check, String email,
                                         Connection connection) throws SQLException {
        if (!check.ok()) {
            return new SchemaProposal.DryRun(Map.of(), null, "The proposal does not fit the database yet: see the "
                    + "check above.");
        }
        SqlMapping mapping = MappingReader.read(SystemDefinitions.parseSingle("proposal",
                proposal.yaml().replace("basis: CHOOSE_A_BASIS", "basis: " + LegalBasis.GDPR_ART_17_3_B.name())));
        if (mapping.usesHash() && (defaultHashKey == null || defaultHashKey.isBlank())) {
            return new SchemaProposal.DryRun(Map.of(), null, "The proposal hashes a column, and there is no hash key "
                    + "(rightsflow.secrets.erasure-hash-key).");
        }
        ActionContext context = new ActionContext("DRY-RUN", org.rightsflow.deadline.RequestType.DELETION,
                org.rightsflow.deadline.Regime.GDPR, LocalDate.now(ZoneOffset.UTC), new DataSubject(email, null, null),
                Map.of(), null, "DRY-RUN");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            snapshot(connection);
            SubjectRows rows = new SubjectFinder(mapping, new SqlExecutor(connection)).find(context.subject(), false);
            Map<String, Integer> found = new LinkedHashMap<>();
            mapping.tables().forEach(table -> found.put(table.name(), rows.of(table).size()));
            ActionResult plan = planErasure(mapping, connection, context,
                    mapping.usesHash() ? new Hasher(defaultHashKey) : null);
            return new SchemaProposal.DryRun(found, plan.summary(), null);
        } catch (ConnectorException e) {
            return new SchemaProposal.DryRun(Map.of(), null, e.getMessage());
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The proposal as "Test connection" will judge it once saved. A table still waiting for its legal reason is
     * checked with a stand-in basis, so the rest of the proposal is judged already.
     */
    private ConnectionCheck checkProposal(SchemaProposal proposal, Connection connection) throws SQLException {
        String yaml = proposal.yaml().replace("basis: CHOOSE_A_BASIS", "basis: " + LegalBasis.GDPR_ART_17_3_B.name());
        SqlMapping mapping;
        try {
            SystemDefinition definition = SystemDefinitions.parseSingle("proposal", yaml);
            validate(definition);
            mapping = MappingReader.read(definition);
        } catch (IllegalArgumentException e) {
            return ConnectionCheck.failed("The proposal is not a valid definition: " + e.getMessage(),
                    List.of(e.getMessage()));
        }
        return new ConnectionChecker(mapping, connection).check();
    }

    @Override
    public ActionResult perform(SystemDefinition system, ConnectorAction action, ActionContext context) {
        SqlMapping mapping = validMapping(system);
        Hasher hasher = (action == ConnectorAction.ERASE || action == ConnectorAction.PLAN_ERASURE) && mapping.usesHash()
                ? new Hasher(hashKey(mapping)) : null;
        try (Connection connection = connect(system.key(), mapping)) {
            boolean readOnly = action == ConnectorAction.ACCESS || action == ConnectorAction.PLAN_ERASURE;
            connection.setReadOnly(readOnly);
            connection.setAutoCommit(false);
            if (readOnly) {
                snapshot(connection);
            }
            try {
                ActionResult result = switch (action) {
                    case ACCESS -> access(mapping, connection, context);
                    case PLAN_ERASURE -> planErasure(mapping, connection, context, hasher);
                    case ERASE -> erase(mapping, connection, context, hasher);
                    case OPT_OUT, LIMIT_USE -> setDeclared(action, mapping, connection, context);
                    case CORRECT -> correct(mapping, connection, context);
                };
                if (action != ConnectorAction.ERASE) {
                    connection.commit(); // ERASE commits itself, before its proof
                }
                return result;
            } catch (RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.failure("Talking to the database", e);
        }
    }

    /**
     * Reads the subject's rows, looking back only as far as the context says in the tables that declare when a row
     * was collected, and returns their access columns, or for portability only what the subject provided.
     */
    private ActionResult access(SqlMapping mapping, Connection connection, ActionContext context) {
        SubjectRows rows = new SubjectFinder(mapping, new SqlExecutor(connection))
                .findForAccess(context.subject(), context.dataSince());
        List<TableReport> tables = new ArrayList<>();
        for (MappedTable table : mapping.tables()) {
            if (!rows.of(table).isEmpty()) {
                tables.add(TableReport.found(table.name(), rows.of(table).size()));
            }
        }
        List<String> lookedBack = context.dataSince() == null ? List.of()
                : mapping.tables().stream().filter(table -> table.since() != null).map(MappedTable::name).toList();
        String summary = Summaries.access(tables, context.portabilityOnly(), lookedBack,
                context.dataSince() == null ? null : LocalDate.ofInstant(context.dataSince(), ZoneOffset.UTC));
        return new ActionResult(ConnectorAction.ACCESS, ActionResult.Status.DONE, tables, List.of(),
                SubjectFinder.accessData(mapping, rows, context.portabilityOnly()), summary);
    }

    private ActionResult planErasure(SqlMapping mapping, Connection connection, ActionContext context, Hasher hasher)
            throws SQLException {
        refuseWhatTheDatabaseWouldRefuse(mapping, connection);
        SubjectRows rows = new SubjectFinder(mapping, new SqlExecutor(connection)).find(context.subject(), false);
        List<TableReport> tables = new ArrayList<>();
        for (Erasure.TablePlan plan : new Erasure(mapping, hasher).plan(rows)) {
            if (plan.rowsFound() > 0) {
                tables.add(plan.report(plan.rowsToDelete()));
            }
        }
        return new ActionResult(ConnectorAction.PLAN_ERASURE, ActionResult.Status.DONE, tables, List.of(), Map.of(),
                Summaries.erasure(tables, true));
    }

    /**
     * A dry run offers an erasure for approval; one the database would refuse (a foreign key it breaks, a masked
     * column of the wrong type) must not be offered. The step fails with the problems instead, and its incident says
     * what to change in the mapping.
     */
    private static void refuseWhatTheDatabaseWouldRefuse(SqlMapping mapping, Connection connection)
            throws SQLException {
        List<String> errors = ConnectionChecker.rules(mapping, connection).stream()
                .filter(SchemaRules.Problem::isError).map(SchemaRules.Problem::message).toList();
        if (!errors.isEmpty()) {
            throw new ConnectorException("The mapping does not fit the database, so no erasure is offered: "
                    + String.join("; ", errors) + ". \"Test connection\" lists every problem.");
        }
    }

    /**
     * Reads (and locks) the subject's rows, applies the plan children first, commits, then reads again by the
     * identity and by the keys captured to report what remains.
     */
    private ActionResult erase(SqlMapping mapping, Connection connection, ActionContext context, Hasher hasher)
            throws SQLException {
        SqlExecutor executor = new SqlExecutor(connection);
        SubjectFinder finder = new SubjectFinder(mapping, executor);
        Erasure erasure = new Erasure(mapping, hasher);
        SubjectRows found = finder.find(context.subject(), true);
        List<Erasure.TablePlan> plans = erasure.plan(found);
        Map<MappedTable, Integer> deleted = erasure.apply(executor, found, plans);
        connection.commit();
        List<TableReport> tables = new ArrayList<>();
        for (Erasure.TablePlan plan : plans) {
            int rowsDeleted = deleted.getOrDefault(plan.table(), 0);
            if (plan.rowsFound() > 0 || rowsDeleted > 0) {
                tables.add(plan.report(rowsDeleted));
            }
        }
        List<TableReport> remaining = erasure.remaining(finder.findAgain(context.subject(), found));
        connection.commit(); // ends the proof's read transaction
        return new ActionResult(ConnectorAction.ERASE, ActionResult.Status.DONE, tables, remaining, Map.of(),
                Summaries.erasure(tables, false));
    }

    /** Opt-out and limit of sensitive data use: the columns the mapping declares for the action, in the subject's rows. */
    private ActionResult setDeclared(ConnectorAction action, SqlMapping mapping, Connection connection,
                                     ActionContext context) {
        SqlExecutor executor = new SqlExecutor(connection);
        SubjectRows found = new SubjectFinder(mapping, executor).find(context.subject(), true);
        List<TableReport> tables = new SubjectUpdates(mapping, executor).setDeclared(action, found);
        return new ActionResult(action, ActionResult.Status.DONE, tables, List.of(), Map.of(),
                action == ConnectorAction.LIMIT_USE ? Summaries.limitUse(tables) : Summaries.optOut(tables));
    }

    private ActionResult correct(SqlMapping mapping, Connection connection, ActionContext context) {
        SqlExecutor executor = new SqlExecutor(connection);
        SubjectRows found = new SubjectFinder(mapping, executor).find(context.subject(), true);
        SubjectUpdates.CorrectionOutcome outcome = new SubjectUpdates(mapping, executor)
                .correct(found, context.corrections());
        return new ActionResult(ConnectorAction.CORRECT, ActionResult.Status.DONE, outcome.tables(), List.of(), Map.of(),
                outcome.summary());
    }

    /** A batch of opt-outs or limits goes through the same declared columns as one person's. */
    @Override
    public boolean supportsBatch(SystemDefinition system, ConnectorAction action) {
        return (action == ConnectorAction.OPT_OUT || action == ConnectorAction.LIMIT_USE) && supports(system, action);
    }

    /**
     * The batch on one connection, {@link BatchUpdates#PEOPLE_PER_CHUNK} people per transaction: a failure in one
     * chunk keeps the chunks before it, and the retry passes over them again without changing anything more, so
     * nobody's opt-out waits for the slowest part of a large batch to succeed.
     */
    @Override
    public ActionResult performBatch(SystemDefinition system, BatchContext batch) {
        SqlMapping mapping = validMapping(system);
        try (Connection connection = connect(system.key(), mapping)) {
            connection.setAutoCommit(false);
            BatchUpdates updates = new BatchUpdates(mapping, new SqlExecutor(connection), batch.action());
            List<List<SubjectKey>> chunks = updates.chunks(batch.subjects());
            for (int i = 0; i < chunks.size(); i++) {
                try {
                    updates.apply(chunks.get(i));
                    connection.commit();
                } catch (SQLException e) {
                    rollback(connection);
                    throw inChunk(SqlFailures.failure("Committing", e), i, chunks.size());
                } catch (ConnectorException e) {
                    rollback(connection);
                    throw inChunk(e, i, chunks.size());
                } catch (RuntimeException e) {
                    rollback(connection);
                    throw e;
                }
            }
            List<TableReport> tables = updates.reports();
            return new ActionResult(batch.action(), ActionResult.Status.DONE, tables, List.of(), Map.of(),
                    Summaries.batch(batch.action(), batch.subjects().size(), updates.found(), tables));
        } catch (SQLException e) {
            throw SqlFailures.failure("Talking to the database", e);
        }
    }

    /** Says which chunk failed, and that the ones before it stay done. */
    private static ConnectorException inChunk(ConnectorException failure, int index, int chunks) {
        return new ConnectorException(failure.getMessage() + " (chunk " + (index + 1) + " of " + chunks + ", "
                + BatchUpdates.PEOPLE_PER_CHUNK + " people each; the chunks before it are done, and a retry passes "
                + "over them without changing them again)");
    }

    /** Any system whose mapping reads: the identity table names the columns a person is recognised by. */
    @Override
    public boolean canScanIdentities(SystemDefinition system) {
        try {
            MappingReader.read(system);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Reads the identity table's match columns (email, account id) of every row that has one, streaming, in a
     * read-only transaction. The name stays null: the mapping recognises people by email and account id only.
     */
    @Override
    public void scanIdentities(SystemDefinition system, Consumer<DataSubject> sink) {
        SqlMapping mapping = validMapping(system);
        MappedTable identity = mapping.identityTable();
        String emailColumn = identity.match().emailColumn();
        String accountIdColumn = identity.match().accountIdColumn();
        List<String> columns = new ArrayList<>();
        if (emailColumn != null) {
            columns.add(emailColumn);
        }
        if (accountIdColumn != null) {
            columns.add(accountIdColumn);
        }
        try (Connection connection = connect(system.key(), mapping)) {
            connection.setReadOnly(true);
            // PostgreSQL streams with a fetch size only inside a transaction; without one it reads the whole table.
            connection.setAutoCommit(false);
            try {
                new SqlExecutor(connection).stream("Reading the people in " + identity.name(),
                        SqlStatements.selectAny(identity, columns), values -> {
                            int index = 0;
                            String email = emailColumn == null ? null : text(values.get(index++));
                            String accountId = accountIdColumn == null ? null : text(values.get(index));
                            sink.accept(new DataSubject(email, null, accountId));
                        });
                connection.commit();
            } catch (RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.failure("Talking to the database", e);
        }
    }

    /** A value as the text a request would carry: account numbers without an exponent. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(JsonValues.of(value));
    }

    private static SqlMapping validMapping(SystemDefinition system) {
        try {
            return MappingReader.read(system);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("The system's mapping is not valid: " + e.getMessage());
        }
    }

    /** A connection from the system's pool; the password is resolved now, so a rotated secret makes a new pool. */
    private Connection connect(String systemKey, SqlMapping mapping) {
        try {
            return pools.connection(systemKey, target(mapping.connection()));
        } catch (SQLException e) {
            throw SqlFailures.failure("Connecting to the database", e);
        }
    }

    private SystemPools.Target target(ConnectionSettings settings) {
        return new SystemPools.Target(settings.url(), settings.username(),
                settings.password() == null ? null : secrets.resolve(settings.password()));
    }

    /** A new connection, outside the pool: the connection test shows whether Rightsflow can connect now. */
    private Connection open(ConnectionSettings settings) throws SQLException {
        SystemPools.Target target = target(settings);
        Properties properties = new Properties();
        if (target.username() != null) {
            properties.setProperty("user", target.username());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        return DriverManager.getConnection(target.url(), properties);
    }

    private String hashKey(SqlMapping mapping) {
        if (mapping.connection().hashKey() != null) {
            return secrets.resolve(mapping.connection().hashKey());
        }
        if (defaultHashKey == null || defaultHashKey.isBlank()) {
            throw new ConnectorException("The mapping hashes columns, but there is no hash key: set connection.hashKey "
                    + "in the system definition, or rightsflow.secrets.erasure-hash-key (RIGHTSFLOW_ERASURE_HASH_KEY)");
        }
        return defaultHashKey;
    }

    /**
     * Reads of several tables see one state of the database (PostgreSQL's default, READ COMMITTED, takes a new
     * snapshot per statement): an access package never shows an order whose lines were deleted in between.
     */
    private static void snapshot(Connection connection) throws SQLException {
        if (connection.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The original failure is what staff need to see; closing the connection ends the transaction anyway.
        }
    }
}
