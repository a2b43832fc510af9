package org.rightsflow.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.function.Supplier;

/** Where the buckets live: in this JVM (one node, H2) or in PostgreSQL (every node shares them). */
interface BucketStore {

    /** The bucket of this key, created with the configuration if it does not exist yet. */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);

    /** Drops buckets that are full again (no different from a new one), so the store does not grow forever. */
    void forgetIdle();
}
