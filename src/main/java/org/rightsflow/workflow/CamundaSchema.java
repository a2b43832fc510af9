package org.rightsflow.workflow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's tables are created by Flyway (migration 17), from the SQL scripts Camunda ships for the database in use
 * — the same scripts the engine runs itself with {@code schema-update: true} — so they are versioned with
 * Rightsflow's own, created by whoever owns the schema, and never on the fly by a starting node. The engine only
 * checks them ({@code camunda.bpm.database.schema-update: false}) and is built after Flyway ran. A database whose
 * Camunda tables exist already (made by an earlier Rightsflow on the fly) is left as it is. Upgrading Camunda means
 * a new migration that runs its upgrade scripts ({@code org/camunda/bpm/engine/db/upgrade}).
 */
@Configuration(proxyBeanMethods = false)
class CamundaSchema {

    /** In the order Camunda creates them: history and identity tables refer to none, case and decision to engine. */
    private static final List<String> COMPONENTS = List.of("engine", "case.engine", "decision.engine", "history",
            "case.history", "decision.history", "identity");

    @Bean
    JavaMigration camundaSchemaMigration() {
        return new Migration();
    }

    @Bean
    JavaMigration jobAcquisitionMigration() {
        return new JobAcquisitionIndex();
    }

    @Bean
    JavaMigration inboxOrderMigration() {
        return new InboxOrderIndex();
    }

    /** The engine is built once Flyway has run, so its schema check finds the tables of migration 17. */
    @Bean
    static BeanFactoryPostProcessor engineAfterFlyway() {
        return beanFactory -> {
            String[] flyway = names(beanFactory, FlywayMigrationInitializer.class);
            for (String engine : names(beanFactory, ProcessEngineFactoryBean.class)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(engine);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Arrays.stream(flyway))
                        .distinct().toArray(String[]::new));
            }
        };
    }

    private static String[] names(ConfigurableListableBeanFactory beanFactory, Class<?> type) {
        // A factory bean is listed as "&name"; its definition is under "name".
        return Arrays.stream(beanFactory.getBeanNamesForType(type, true, false))
                .map(name -> name.startsWith("&") ? name.substring(1) : name).toArray(String[]::new);
    }

    /**
     * Migration 18: job acquisition that reads only the jobs that are due (docs/operations.md, "Job acquisition").
     * The engine runs with jobExecutorAcquireByDueDate and ensureJobDueDateNotNull (application.yml): every job gets a
     * due date (an async continuation: its creation time), so the acquisition asks "DUEDATE_ <= now" in due-date
     * order, and the index answers it by reading the due jobs only, not every timer of every open request. A Java
     * migration beside migration 17, not a script: it needs Camunda's tables, which only the application's Flyway
     * (with this module's migrations) creates.
     */
    static final class JobAcquisitionIndex extends EngineMigration {

        JobAcquisitionIndex() {
            super("18", "job acquisition");
        }

        @Override
        public void migrate(Context context) throws SQLException {
            try (Statement statement = context.getConnection().createStatement()) {
                // Jobs written before the setting came in may have no due date: they would never be acquired again.
                statement.execute("update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp)"
                        + " where DUEDATE_ is null");
                statement.execute("create index ACT_IDX_JOB_DUEDATE on ACT_RU_JOB(DUEDATE_)");
            }
        }
    }

    /**
     * Migration 22: the inbox's order (due date, creation time, id) as an index of the task table, so that a page of
     * the inbox is read from it and stops after the page, instead of sorting every open task ({@link InboxQueries}).
     */
    static final class InboxOrderIndex extends EngineMigration {

        InboxOrderIndex() {
            super("22", "inbox order");
        }

        @Override
        public void migrate(Context context) throws SQLException {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute("create index ACT_IDX_TASK_INBOX on ACT_RU_TASK(DUE_DATE_, CREATE_TIME_, ID_)");
            }
        }
    }

    /** A versioned migration of Camunda's tables, run in Flyway's transaction, with no checksum (it is code). */
    abstract static class EngineMigration implements JavaMigration {

        private final MigrationVersion version;
        private final String description;

        EngineMigration(String version, String description) {
            this.version = MigrationVersion.fromVersion(version);
            this.description = description;
        }

        @Override
        public MigrationVersion getVersion() {
            return version;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Integer getChecksum() {
            return null;
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }
    }

    static final class Migration extends EngineMigration {

        Migration() {
            super("17", "camunda schema");
        }

        @Override
        public void migrate(Context context) throws SQLException, IOException {
            Connection connection = context.getConnection();
            if (tableExists(connection.getMetaData(), "ACT_GE_PROPERTY")) {
                return;
            }
            String database = databaseType(connection.getMetaData().getDatabaseProductName());
            try (Statement statement = connection.createStatement()) {
                for (String component : COMPONENTS) {
                    for (String sql : statements("org/camunda/bpm/engine/db/create/activiti." + database + ".create."
                            + component + ".sql")) {
                        statement.execute(sql);
                    }
                }
            }
        }

        private static String databaseType(String product) {
            String name = product.toLowerCase(Locale.ROOT);
            if (name.contains("postgres")) {
                return "postgres";
            }
            if (name.equals("h2")) {
                return "h2";
            }
            throw new IllegalStateException("Rightsflow runs on PostgreSQL or H2, not " + product);
        }

        private static boolean tableExists(DatabaseMetaData metaData, String table) throws SQLException {
            for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
                try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The script's statements, as Camunda reads them: comment lines dropped, each statement ending in ";". */
        static List<String> statements(String resource) throws IOException {
            InputStream in = CamundaSchema.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("Camunda's script " + resource + " is not on the classpath");
            }
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                        continue;
                    }
                    current.append(line).append('\n');
                    if (trimmed.endsWith(";")) {
                        String sql = current.toString().strip();
                        statements.add(sql.substring(0, sql.length() - 1));
                        current.setLength(0);
                    }
                }
            }
            return statements;
        }
    }
}
