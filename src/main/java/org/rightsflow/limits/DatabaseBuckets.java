package org.rightsflow.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Buckets in PostgreSQL's {@code rate_limit_bucket} (Flyway V15), shared by every node: each attempt reads the row
 * {@code FOR UPDATE}, spends and writes it back in one short transaction of its own, so two nodes never both spend
 * the last token. A row expires once its bucket would be full again and is then deleted.
 */
final class DatabaseBuckets implements BucketStore {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    DatabaseBuckets(DataSource dataSource, TimeMeter time) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .clientClock(time)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.getProxy(key, configuration);
    }

    @Override
    public void forgetIdle() {
        while (buckets.removeExpired(1000) == 1000) {
            // more to delete: carry on in batches that never hold many row locks at once
        }
    }
}
