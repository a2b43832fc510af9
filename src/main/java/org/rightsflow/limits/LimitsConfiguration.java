package org.rightsflow.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.TimeMeter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The module's beans. Where the buckets live follows the database the application runs on: PostgreSQL (the
 * {@code postgres} profile, any number of nodes) shares them in a table; H2 (the embedded default, one node) keeps
 * them in memory. Declared here rather than as components, so that controller slice tests go without them.
 */
@Configuration
class LimitsConfiguration {

    @Bean
    WebMvcConfigurer clientLimits(RateLimits limits) {
        return new ClientLimits(limits);
    }

    @Bean
    WebMvcConfigurer checkedJsonStrings() {
        return new CheckedJsonStrings();
    }

    @Bean
    FilterRegistrationBean<ControlCharacterFilter> controlCharacterFilter(ObjectMapper json) {
        FilterRegistrationBean<ControlCharacterFilter> registration =
                new FilterRegistrationBean<>(new ControlCharacterFilter(json));
        // After the character encoding filter (parameters must be read as UTF-8) and after Spring Session's filter
        // (HIGHEST_PRECEDENCE + 50): the refusal is a forward to the error page, which Spring Security checks for its
        // CSRF token, kept in the session that filter resolves. Before Spring Security's chain (-100).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
        return registration;
    }

    @Bean
    BucketStore bucketStore(DataSource dataSource, Clock clock) throws SQLException {
        // Bucket4j reads time through the application clock, so tests that move the engine's clock refill budgets.
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            return postgres ? new DatabaseBuckets(dataSource, time) : new MemoryBuckets(time);
        }
    }
}
