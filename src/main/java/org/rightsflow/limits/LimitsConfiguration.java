package org.rightsflow.limits;

import io.github.bucket4j.TimeMeter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where the buckets live by the database the application runs on: PostgreSQL (the {@code postgres} profile,
 * any number of nodes) shares them in a table; H2 (the embedded default, one node) keeps them in memory.
 */
@Configuration
class LimitsConfiguration {

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
