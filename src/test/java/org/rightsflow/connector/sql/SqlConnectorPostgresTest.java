package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.testsupport.PostgresTestDatabase;

/**
 * The sql connector against a real PostgreSQL: database {@code rightsflow_connector_test} on the test server, schema
 * {@code connector_contract} made fresh for this class. Skipped without a server unless
 * {@code RIGHTSFLOW_REQUIRE_POSTGRES=true}.
 */
@ExtendWith(PostgresTestDatabase.class)
class SqlConnectorPostgresTest extends SqlConnectorContract {

    private static final String SCHEMA = "connector_contract";
    private static String url;

    @BeforeAll
    static void createDatabase() throws SQLException {
        url = ConnectorTestDatabases.postgresUrl(ConnectorTestDatabases.POSTGRES_DATABASE);
        try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        }
    }

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return PostgresTestDatabase.USER;
    }

    @Override
    String password() {
        return PostgresTestDatabase.PASSWORD;
    }

    @Override
    String schema() {
        return SCHEMA;
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    @Override
    String[] triggerRestoringPhone() {
        return new String[] {
            "create or replace function " + SCHEMA + ".keep_phone_fn() returns trigger language plpgsql as "
                    + "$$ begin new.phone := old.phone; return new; end $$",
            "create trigger keep_phone before update on " + SCHEMA + ".customers for each row execute function "
                    + SCHEMA + ".keep_phone_fn()"};
    }

    @Override
    void createSchema(Statement statement) {
        // Made once for the class in createDatabase().
    }

    @Test
    void actionsOfASystemShareOnePooledConnection() throws SQLException {
        SystemDefinition shop = tagged("pool-reuse");
        connector.perform(shop, ConnectorAction.ACCESS, accessOf(ALICE));
        Set<Long> first = backends("pool-reuse");
        assertThat(first).as("the pool keeps one connection between actions").hasSize(1);

        for (int i = 0; i < 25; i++) {
            ConnectorAction action = i % 2 == 0 ? ConnectorAction.ACCESS : ConnectorAction.PLAN_ERASURE;
            connector.perform(shop, action, accessOf(ALICE));
            assertThat(backends("pool-reuse")).as("the same database session after action " + (i + 2)).isEqualTo(first);
        }
        // A writing action after the read-only ones: the pool gave the connection back writable.
        assertThat(connector.perform(shop, ConnectorAction.ERASE, accessOf(ALICE)).tables())
                .anyMatch(table -> table.rowsDeleted() > 0);
        assertThat(backends("pool-reuse")).isEqualTo(first);
        assertThat(connector.pooledSystems()).isEqualTo(1);
    }

    @Test
    void aChangedDefinitionGetsANewPoolAndTheOldConnectionsAreClosed() throws SQLException {
        connector.perform(tagged("pool-before"), ConnectorAction.ACCESS, accessOf(ALICE));
        Set<Long> before = backends("pool-before");
        assertThat(before).hasSize(1);

        // The same system with its connection changed (here: the session's name), as a saved definition would be.
        connector.perform(tagged("pool-after"), ConnectorAction.ACCESS, accessOf(ALICE));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(backends("pool-before")).as("the old pool's connection closed").isEmpty());
        assertThat(backends("pool-after")).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(connector.pooledSystems()).isEqualTo(1);

        connector.definitionChanged("shop-db");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(backends("pool-after")).as("a removed system's connections closed").isEmpty());
        assertThat(connector.pooledSystems()).isZero();
    }

    /** The shop system, its connection named {@code applicationName} in PostgreSQL's session list. */
    private SystemDefinition tagged(String applicationName) {
        String tagged = url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
        return SystemDefinitions.parseSingle("shop-db.yml", systemYaml(SHOP_DATASET).replace(url, tagged));
    }

    private static ActionContext accessOf(DataSubject subject) {
        return new ActionContext("DSR-2026-0001", RequestType.ACCESS, Regime.GDPR, LocalDate.of(2026, 12, 31), subject,
                Map.of(), null, "DSR-2026-0001/shop-db/ACCESS", null, false);
    }

    /** The server processes of the sessions with this name, as PostgreSQL lists them now. */
    private Set<Long> backends(String applicationName) throws SQLException {
        Set<Long> pids = new HashSet<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "select pid from pg_stat_activity where application_name = ?")) {
            query.setString(1, applicationName);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
        }
        return pids;
    }
}
