package org.rightsflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * The two pools on PostgreSQL: a servlet request's thread is served by the web pool, any other by the background
 * pool, and each pool's statement timeout is the database's, so a slow query is cancelled and its connection free.
 */
@ExtendWith(PostgresTestDatabase.class)
class DatabasePoolsPostgresTest {

    private PoolRoutingDataSource dataSource;

    @BeforeEach
    void pools() throws Exception {
        DataSourceProperties connection = new DataSourceProperties();
        connection.setUrl(PostgresTestDatabase.URL);
        connection.setUsername(PostgresTestDatabase.USER);
        connection.setPassword(PostgresTestDatabase.PASSWORD);
        connection.afterPropertiesSet();
        DatabaseProperties pools = new DatabaseProperties(
                new DatabaseProperties.Pool(2, Duration.ofSeconds(5), Duration.ofSeconds(1)),
                new DatabaseProperties.Pool(3, Duration.ofSeconds(5), Duration.ofMinutes(2)));
        dataSource = new DatabasePools().dataSource(connection, pools,
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aRequestsThreadIsServedByTheWebPoolAnyOtherByTheBackgroundPool() throws Exception {
        String[] web = new String[1];
        WebThreads.asRequest(() -> web[0] = setting("statement_timeout"));
        String background = setting("statement_timeout");

        assertThat(web[0]).isEqualTo("1s");
        assertThat(background).isEqualTo("2min");
        assertThat(dataSource.web().getHikariPoolMXBean().getTotalConnections()).isPositive();
        assertThat(dataSource.background().getHikariPoolMXBean().getTotalConnections()).isPositive();
    }

    @Test
    void aStatementLongerThanItsPoolsTimeoutIsCancelledAndTheConnectionServesTheNext() throws Exception {
        WebThreads.asRequest(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("select pg_sleep(30)"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as("57014: canceled by statement timeout").isEqualTo("57014"));
            }
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        });
    }

    private String setting(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
