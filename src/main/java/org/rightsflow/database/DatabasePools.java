package org.rightsflow.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;

/**
 * Builds the web and the background pool from {@code spring.datasource.*} (URL, user, password) and
 * {@code rightsflow.database.*} (sizes and timeouts), and the DataSource that routes between them. Replaces Spring
 * Boot's single pool, so {@code spring.datasource.hikari.*} has no effect.
 */
@Configuration(proxyBeanMethods = false)
class DatabasePools {

    @Bean
    @Primary
    PoolRoutingDataSource dataSource(DataSourceProperties connection, DatabaseProperties pools,
                                     ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        return new PoolRoutingDataSource(pool(connection, PoolRoutingDataSource.WEB, pools.web(), registry),
                pool(connection, PoolRoutingDataSource.BACKGROUND, pools.background(), registry));
    }

    /**
     * The {@code db} health (part of readiness) asks the background pool only: the database's reachability is the
     * same for both pools, and a web pool busy with a burst of pages must not take the node out of the load balancer
     * (which would send the burst to the other nodes) nor make the health check wait for a connection. A busy web
     * pool shows in {@code hikaricp_connections_pending{pool="web"}}.
     */
    @Bean
    HealthContributor dbHealthContributor(DataSource dataSource) throws SQLException {
        // Unwrapped: the data source may be decorated (a proxy that counts or traces statements).
        return new DataSourceHealthIndicator(dataSource.unwrap(PoolRoutingDataSource.class).background());
    }

    /** First of all filters: the session store's work at the end of a request belongs to the request too. */
    @Bean
    FilterRegistrationBean<WebThreads> webThreads() {
        FilterRegistrationBean<WebThreads> registration = new FilterRegistrationBean<>(new WebThreads());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setAsyncSupported(true);
        return registration;
    }

    private static HikariDataSource pool(DataSourceProperties connection, String name, DatabaseProperties.Pool pool,
                                         MeterRegistry registry) {
        HikariDataSource hikari = connection.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        hikari.setPoolName(name);
        hikari.setMaximumPoolSize(pool.size());
        // A few open connections are enough when idle; the rest of the size is for bursts and for the second
        // connection a connector step takes.
        hikari.setMinimumIdle(Math.min(pool.size(), 2));
        hikari.setConnectionTimeout(Math.max(pool.connectionTimeout().toMillis(), 250));
        String limit = statementTimeout(hikari.getJdbcUrl(), pool.statementTimeout());
        if (limit != null) {
            hikari.setConnectionInitSql(limit);
        }
        if (registry != null) {
            // Spring Boot binds only the pool it builds itself: hikaricp_connections_* with pool="web"/"background".
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        return hikari;
    }

    /**
     * The statement that limits every statement of a connection, run when the pool opens it: enforced by the
     * database, so it holds for Camunda's queries, Hibernate's and plain JDBC alike, and the connection is free
     * again when the database cancels.
     */
    static String statementTimeout(String jdbcUrl, Duration timeout) {
        long millis = timeout.toMillis();
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "SET statement_timeout = " + millis;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "SET QUERY_TIMEOUT " + millis;
        }
        return null;
    }

}
