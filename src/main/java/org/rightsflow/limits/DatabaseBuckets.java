package org.rightsflow.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Buckets in PostgreSQL's {@code rate_limit_bucket} (Flyway V15, V23), shared by every node: each attempt takes a
 * transaction-scoped advisory lock on its key's id ({@code String.hashCode}, the same on every node; two keys that
 * share an id only wait for each other), reads the row, spends, and inserts or updates it, in one short transaction,
 * so two nodes never both spend the last token. The row-locking variant ({@code SELECT ... FOR UPDATE}) took three
 * transactions for a key seen for the first time (a locked read that finds nothing and rolls back, an insert, the
 * locked read and update), which is every visitor's first page behind a limit; this one takes two (the read that
 * finds nothing, then the insert), and one for a key it knows (docs/performance.md, "Under load").
 * A row expires once its bucket would be full again and is then deleted, under the same lock (its id is kept in
 * {@code explicit_lock}).
 */
final class DatabaseBuckets implements BucketStore {

    private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;

    DatabaseBuckets(DataSource dataSource, TimeMeter time) {
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .lockColumn("explicit_lock")
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
