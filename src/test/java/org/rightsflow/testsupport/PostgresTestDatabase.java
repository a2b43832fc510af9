package org.rightsflow.testsupport;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How tests choose PostgreSQL: the database named by {@code RIGHTSFLOW_TEST_DB_URL} (default
 * {@code jdbc:postgresql://localhost:5432/rightsflow_test}, user {@code RIGHTSFLOW_TEST_DB_USER} default
 * {@code postgres}, password {@code RIGHTSFLOW_TEST_DB_PASSWORD} default empty). The database is created if the
 * server has none of that name. Without a reachable server the tests are skipped with the reason, unless
 * {@code RIGHTSFLOW_REQUIRE_POSTGRES=true} (set by CI), in which case they run and fail.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

    public static final String URL = env("RIGHTSFLOW_TEST_DB_URL", "jdbc:postgresql://localhost:5432/rightsflow_test");
    public static final String USER = env("RIGHTSFLOW_TEST_DB_USER", "postgres");
    public static final String PASSWORD = env("RIGHTSFLOW_TEST_DB_PASSWORD", "");

    private static Boolean available;

    /** Spring properties pointing the application at the test database. */
    public static Map<String, Object> springProperties() {
        return Map.of("spring.datasource.url", URL, "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD);
    }

    /**
     * Spring properties pointing the application at a new, empty database beside the test database (its name with
     * this suffix), dropped first if an earlier run left it: for a test that reads the whole database afterwards and
     * must find only what its own run wrote.
     */
    public static Map<String, Object> freshDatabase(String suffix) {
        int query = URL.indexOf('?');
        String url = query < 0 ? URL + "_" + suffix : URL.substring(0, query) + "_" + suffix + URL.substring(query);
        String databaseName = URI.create(url.substring("jdbc:".length())).getPath().substring(1).replace("\"", "");
        try (Connection server = DriverManager.getConnection(serverUrl(), USER, PASSWORD);
             Statement statement = server.createStatement()) {
            statement.execute("drop database if exists \"" + databaseName + "\" with (force)");
            statement.execute("create database \"" + databaseName + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + databaseName + " at " + URL, e);
        }
        return Map.of("spring.datasource.url", url, "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isAvailable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL test database at " + URL);
        }
        if ("true".equalsIgnoreCase(System.getenv("RIGHTSFLOW_REQUIRE_POSTGRES"))) {
            return ConditionEvaluationResult.enabled("RIGHTSFLOW_REQUIRE_POSTGRES=true: running against " + URL
                    + " although it does not answer; expect failures");
        }
        String reason = "SKIPPED: no PostgreSQL at " + URL + " (set RIGHTSFLOW_TEST_DB_URL, or run .ci/run)";
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static synchronized boolean isAvailable() {
        if (available == null) {
            available = connectOrCreate();
        }
        return available;
    }

    private static boolean connectOrCreate() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // 3D000: the database does not exist
                return false;
            }
        }
        String databaseName = URI.create(URL.substring("jdbc:".length())).getPath().substring(1);
        try (Connection server = DriverManager.getConnection(serverUrl(), USER, PASSWORD);
             Statement statement = server.createStatement()) {
            statement.execute("create database \"" + databaseName.replace("\"", "") + "\"");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The server's maintenance database, from which databases are created and dropped. */
    private static String serverUrl() {
        return URL.substring(0, URL.lastIndexOf('/') + 1) + "postgres";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
