package org.rightsflow.connector.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.testsupport.MariaDbTestDatabase;

/**
 * Schema discovery against a real MariaDB (or MySQL): database {@code rightsflow_discovery_test}, made fresh for
 * this class. InnoDB cannot partition a table with foreign keys, so events is a plain table here.
 */
@ExtendWith(MariaDbTestDatabase.class)
class SchemaDiscoveryMariaDbTest extends SchemaDiscoveryContract {

    private static final String DATABASE = "rightsflow_discovery_test";

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
    String schema() {
        return DATABASE;
    }

    @Override
    Connection connect() throws SQLException {
        return MariaDbTestDatabase.connect();
    }

    @Override
    String instantType() {
        return "datetime";
    }

    @Override
    String dropForeignKey() {
        return "foreign key";
    }

    @Override
    void createEvents(Statement statement) throws SQLException {
        statement.execute("create table " + t("events") + " (id bigint primary key, member_id bigint not null, "
                + "occurred_at datetime not null, ip_address varchar(45), foreign key (member_id) references "
                + t("members") + " (id))");
    }

    @Override
    void createTrigger(Statement statement) throws SQLException {
        statement.execute("create trigger " + DATABASE + ".member_no_upper before update on " + t("members")
                + " for each row set new.member_no = upper(new.member_no)");
    }
}
