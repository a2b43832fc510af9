package org.rightsflow.connector.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.testsupport.MariaDbTestDatabase;

/**
 * The sql connector against a real MariaDB (or MySQL): its tables in the database {@code rightsflow_connector_test},
 * made fresh for this class (a MySQL "schema" is a database). Skipped without a server unless
 * {@code RIGHTSFLOW_REQUIRE_MARIADB=true}.
 */
@ExtendWith(MariaDbTestDatabase.class)
class SqlConnectorMariaDbTest extends SqlConnectorContract {

    private static final String DATABASE = "rightsflow_connector_test";

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection connection = MariaDbTestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE);
            statement.execute("create database " + DATABASE);
        }
    }

    @Override
    String url() {
        return MariaDbTestDatabase.URL;
    }

    @Override
    String user() {
        return MariaDbTestDatabase.USER;
    }

    @Override
    String password() {
        return MariaDbTestDatabase.PASSWORD;
    }

    @Override
    String[] triggerRestoringPhone() {
        return new String[] {"create trigger " + DATABASE + ".keep_phone before update on " + DATABASE + ".customers for each row "
                + "set new.phone = old.phone"};
    }

    @Override
    String schema() {
        return DATABASE;
    }

    @Override
    Connection connect() throws SQLException {
        return MariaDbTestDatabase.connect();
    }

    /** A MariaDB TIMESTAMP is stored in UTC and converted to the session's zone; DATETIME is what the others call TIMESTAMP. */
    @Override
    String timestampType() {
        return "datetime";
    }

    /** MariaDB has none: its TIMESTAMP holds an instant, but reads and writes it in the session's zone. */
    @Override
    String timestampWithTimeZoneType() {
        return null;
    }

    /**
     * Not a test here: MariaDB has no column type with a time zone for the lookback to compare (its DATETIME columns
     * are covered by the plain-timestamp lookback test), so there is nothing to skip either.
     */
    @Override
    void theLookbackComparesInstantsInColumnsWithATimeZone() {
    }

    /** Not a test here either: no column type with a time zone to export. */
    @Override
    void anInstantIsExportedWithItsOffset() {
    }

    @Override
    void createSchema(Statement statement) {
        // Made once for the class in createDatabase().
    }
}
