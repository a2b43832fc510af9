package org.rightsflow.connector.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.rightsflow.testsupport.PostgresTestDatabase;

/**
 * Where the connector tests put their "connected system" databases: on the same PostgreSQL server as
 * {@link PostgresTestDatabase} (same user and password), in databases of their own, so that they never touch
 * Rightsflow's own test database. The CI role may create databases.
 */
final class ConnectorTestDatabases {

    static final String POSTGRES_DATABASE = "rightsflow_connector_test";

    private ConnectorTestDatabases() {
    }

    /** The JDBC URL of a database on the test server, created when missing. */
    static synchronized String postgresUrl(String database) throws SQLException {
        String url = withDatabase(PostgresTestDatabase.URL, database);
        try (Connection server = DriverManager.getConnection(PostgresTestDatabase.URL, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
             PreparedStatement exists = server.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = server.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        }
        return url;
    }

    /** jdbc:postgresql://host:port/old?params → jdbc:postgresql://host:port/database?params */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }
}
