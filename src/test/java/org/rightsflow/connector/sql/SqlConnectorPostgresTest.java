package org.rightsflow.connector.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
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
    void createSchema(Statement statement) {
        // Made once for the class in createDatabase().
    }
}
