package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.connector.SchemaProposal;
import org.rightsflow.testsupport.PostgresTestDatabase;

/**
 * Schema discovery against a real PostgreSQL: schema {@code discovery_shop} of the connector test database, with
 * events partitioned by month and a PL/pgSQL trigger.
 */
@ExtendWith(PostgresTestDatabase.class)
class SchemaDiscoveryPostgresTest extends SchemaDiscoveryContract {

    private static final String SCHEMA = "discovery_shop";
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
    String instantType() {
        return "timestamp with time zone";
    }

    @Override
    void createEvents(Statement statement) throws SQLException {
        statement.execute("create table " + t("events") + " (id bigint not null, member_id bigint not null references "
                + t("members") + " (id), occurred_at timestamp with time zone not null, ip_address varchar(45), "
                + "primary key (id, occurred_at)) partition by range (occurred_at)");
        statement.execute("create table " + t("events_2025") + " partition of " + t("events")
                + " for values from ('2025-01-01') to ('2026-01-01')");
        statement.execute("create table " + t("events_2026") + " partition of " + t("events")
                + " for values from ('2026-01-01') to ('2027-01-01')");
    }

    @Override
    void createTrigger(Statement statement) throws SQLException {
        statement.execute("create or replace function " + SCHEMA + ".member_no_upper() returns trigger language plpgsql "
                + "as $$ begin new.member_no := upper(new.member_no); return new; end $$");
        statement.execute("create trigger member_no_upper before update on " + t("members") + " for each row "
                + "execute function " + SCHEMA + ".member_no_upper()");
    }

    @Test
    void aPartitionedTableIsMappedOnceAndItsPartitionsAreNamed() {
        SchemaProposal proposal = discover(java.util.Map.of());

        assertThat(proposal.tables()).extracting(SchemaProposal.Table::name).contains("events")
                .doesNotContain("events_2025", "events_2026");
        assertThat(proposal.findings()).anySatisfy(f -> assertThat(f).startsWith("events is partitioned")
                .contains("events_2025", "events_2026"));
    }
}
