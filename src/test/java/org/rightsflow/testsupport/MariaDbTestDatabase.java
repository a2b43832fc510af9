package org.rightsflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How tests choose MariaDB (or MySQL): the server at {@code RIGHTSFLOW_TEST_MARIADB_URL} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/test}) as {@code RIGHTSFLOW_TEST_MARIADB_USER} (default {@code root}) with
 * {@code RIGHTSFLOW_TEST_MARIADB_PASSWORD} (default empty). Without a server answering, the tests are skipped with
 * the reason, unless {@code RIGHTSFLOW_REQUIRE_MARIADB=true}, in which case they run and fail.
 */
public final class MariaDbTestDatabase implements ExecutionCondition {

    public static final String URL = env("RIGHTSFLOW_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
    public static final String USER = env("RIGHTSFLOW_TEST_MARIADB_USER", "root");
    public static final String PASSWORD = env("RIGHTSFLOW_TEST_MARIADB_PASSWORD", "");

    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (isAvailable()) {
            return ConditionEvaluationResult.enabled("MariaDB test server at " + URL);
        }
        if ("true".equalsIgnoreCase(System.getenv("RIGHTSFLOW_REQUIRE_MARIADB"))) {
            return ConditionEvaluationResult.enabled("RIGHTSFLOW_REQUIRE_MARIADB=true: running against " + URL
                    + " although it does not answer; expect failures");
        }
        String reason = "SKIPPED: no MariaDB at " + URL + " (set RIGHTSFLOW_TEST_MARIADB_URL)";
        System.err.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    public static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "3000");
        return DriverManager.getConnection(URL, properties);
    }

    static synchronized boolean isAvailable() {
        if (available == null) {
            try (Connection ignored = connect()) {
                available = true;
            } catch (SQLException e) {
                available = false;
            }
        }
        return available;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
