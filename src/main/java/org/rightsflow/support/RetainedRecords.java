package org.rightsflow.support;

import java.util.Collection;

/**
 * What one module keeps about requests, removed once a request's retention period has passed (the retention module
 * decides which requests, CCPA §7101; each module removes what it owns, so no module reads another's tables). The
 * retention module calls every bean of this type, in {@code @Order}, in one transaction per batch of requests.
 */
public interface RetainedRecords {

    /** What these records are, as the purge log counts them, e.g. "timeline entries". */
    String kind();

    /**
     * Removes every record of these requests (by reference) that this module keeps; returns how many went (rows, or
     * files where the records are files). Requests with nothing here are no error.
     */
    int removeOf(Collection<String> references);
}
