package org.rightsflow.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Bucket4j's local buckets, for the single node of the embedded H2 default. */
final class MemoryBuckets implements BucketStore {

    private final Map<String, Held> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    MemoryBuckets(TimeMeter time) {
        this.time = time;
    }

    private record Held(LocalBucket bucket, long capacity) {
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.computeIfAbsent(key, k -> {
            LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
            long capacity = Long.MAX_VALUE;
            for (Bandwidth bandwidth : configuration.get().getBandwidths()) {
                builder.addLimit(bandwidth);
                capacity = Math.min(capacity, bandwidth.getCapacity());
            }
            return new Held(builder.build(), capacity);
        }).bucket();
    }

    @Override
    public void forgetIdle() {
        buckets.values().removeIf(held -> held.bucket().getAvailableTokens() >= held.capacity());
    }
}
