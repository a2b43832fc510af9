package org.rightsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/**
 * Migration 17 makes Camunda's schema from Camunda's own scripts on an empty database, and leaves a database alone
 * whose Camunda tables an earlier version let the engine create.
 */
class CamundaSchemaTest {

    @Test
    void anEmptyDatabaseGetsEveryCamundaTableAndTheSchemaLogOfThisVersion() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:camunda-" + UUID.randomUUID())) {
            new CamundaSchema.Migration().migrate(context(connection));

            assertThat(count(connection, "select count(*) from information_schema.tables where table_name like 'ACT\\_%'"))
                    .isEqualTo(49);
            assertThat(count(connection, "select count(*) from ACT_GE_SCHEMA_LOG where VERSION_ = '7.24.0'")).isEqualTo(1);
        }
    }

    @Test
    void existingCamundaTablesAreLeftAsTheyAre() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:camunda-" + UUID.randomUUID())) {
            new CamundaSchema.Migration().migrate(context(connection));
            try (Statement statement = connection.createStatement()) {
                statement.execute("insert into ACT_GE_PROPERTY values ('marker', 'kept', 1)");
            }

            new CamundaSchema.Migration().migrate(context(connection));

            assertThat(count(connection, "select count(*) from ACT_GE_PROPERTY where NAME_ = 'marker'")).isEqualTo(1);
            assertThat(count(connection, "select count(*) from ACT_GE_SCHEMA_LOG")).isEqualTo(1);
        }
    }

    @Test
    void thePostgresScriptsAreReadStatementByStatement() throws Exception {
        assertThat(CamundaSchema.Migration.statements(
                "org/camunda/bpm/engine/db/create/activiti.postgres.create.engine.sql"))
                .isNotEmpty()
                .allSatisfy(sql -> assertThat(sql).doesNotEndWith(";").doesNotStartWith("--"))
                .anySatisfy(sql -> assertThat(sql).startsWith("create table ACT_GE_PROPERTY"));
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
