package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.ActionContext;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.ConnectionCheck;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.DataSubject;
import org.rightsflow.connector.Secrets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/** The sql connector against H2 (in memory, a fresh database per test), plus what only H2 makes easy to show. */
class SqlConnectorH2Test extends SqlConnectorContract {

    private final String url = "jdbc:h2:mem:shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private Connection keepAlive;

    @BeforeEach
    void openDatabase() throws SQLException {
        keepAlive = DriverManager.getConnection(url, "sa", "");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("shutdown");
        }
        keepAlive.close();
    }

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }

    @Override
    String schema() {
        return "shop";
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    @Override
    void createSchema(Statement statement) throws SQLException {
        statement.execute("create schema if not exists shop");
    }

    @Test
    void testConnectionReportsColumnsThatCannotHoldWhatTheErasureWrites() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("alter table shop.customers alter column email set data type varchar(50)");
            statement.execute("update shop.customers set phone = '-' where phone is null");
            statement.execute("alter table shop.customers alter column phone set not null");
        }

        ConnectionCheck check = connector.testConnection(system(SHOP_DATASET));

        assertThat(check.ok()).isFalse();
        assertThat(check.details()).contains("customers.email holds 50 characters, but hash writes 64",
                "customers.phone is NOT NULL, so set-null cannot erase it (choose redact, or allow NULL)");
    }

    @Test
    void testConnectionNeverThrowsWhenTheDatabaseIsUnreachable() {
        String unreachable = systemYaml(SHOP_DATASET).replace(url, "jdbc:postgresql://127.0.0.1:1/shop");

        ConnectionCheck check = connector.testConnection(
                SystemDefinitions.parseSingle("shop-db.yml", unreachable));

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).startsWith("Cannot connect").contains("SQL state 08");
    }

    @Test
    void testConnectionReportsAnInvalidMappingInsteadOfThrowing() {
        ConnectionCheck check = connector.testConnection(system(SHOP_DATASET.replace("table: customers",
                "table: customers; drop table x")));

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).startsWith("The mapping is not valid: shop-db.yml: dataset.table:");
    }

    @Test
    void tablesInTheConnectionsDefaultSchemaNeedNoSchemaSetting() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table people (id int primary key, mail varchar(100), nick varchar(50))");
            statement.execute("insert into people values (1, 'alice@example.com', 'ali'), (2, 'bob@example.com', 'bob')");
        }
        String yaml = """
                key: people
                name: People
                ownerGroup: it
                kind: sql
                requestTypes: [ACCESS]
                connection:
                  url: "%s"
                  username: sa
                dataset:
                  table: people
                  key: id
                  match: {email: mail}
                  access: [nick]
                  erasure: delete
                """.formatted(url);
        SystemDefinition system = SystemDefinitions.parseSingle("people.yml", yaml);

        assertThat(connector.testConnection(system).ok()).isTrue();
        assertThat(perform(system, ALICE).data()).containsOnlyKeys("people");
        assertThat(perform(system, ALICE).data().get("people")).singleElement()
                .isEqualTo(Map.of("nick", "ali"));
    }

    @Test
    void aMappingThatHashesNeedsAKey() {
        SqlConnector withoutKeys = new SqlConnector(new Secrets(name -> null), ErasureHashKey.of(""));
        String noHashKey = systemYaml(SHOP_DATASET).replace("  hashKey: {env: SHOP_HASH_KEY}\n", "")
                .replace("  password: {env: SHOP_DB_PASSWORD}\n", "");
        SystemDefinition system = SystemDefinitions.parseSingle("shop-db.yml", noHashKey);
        ActionContext context = new ActionContext("DSR-1", RequestType.DELETION,
                Regime.GDPR, LocalDate.of(2026, 12, 31), ALICE, null, null, "k");

        ConnectionCheck check = withoutKeys.testConnection(system);
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).startsWith("Connected, but the erasure cannot run: The mapping hashes columns, "
                + "but there is no hash key");

        assertThatThrownBy(() -> withoutKeys.perform(system,
                        ConnectorAction.PLAN_ERASURE, context))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("no hash key");

        SqlConnector withDefaultKey = new SqlConnector(new Secrets(name -> null),
                ErasureHashKey.of("the-default-key"));
        withDefaultKey.perform(system, ConnectorAction.ERASE, context);
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select email from shop.customers where id = 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(hmacHex("the-default-key", "Alice@Example.com"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ActionResult perform(SystemDefinition system, DataSubject subject) {
        ActionContext context = new ActionContext("DSR-1", RequestType.ACCESS,
                Regime.GDPR, LocalDate.of(2026, 12, 31), subject, null, null, "k");
        return connector.perform(system, ConnectorAction.ACCESS, context);
    }
}
