package org.rightsflow.testsupport;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * What a streaming test measures: heap still in use after a full collection, so garbage not yet collected does not
 * count. A test that cannot force a collection (the JVM ignores System.gc()) is skipped with the reason, not passed.
 */
public final class RetainedHeap {

    private RetainedHeap() {
    }

    public static long afterFullCollection() {
        long collections = collectionCount();
        System.gc();
        System.gc();
        Assumptions.assumeTrue(collectionCount() > collections, "System.gc() is disabled: nothing to measure");
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long collectionCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
