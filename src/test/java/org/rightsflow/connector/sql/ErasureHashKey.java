package org.rightsflow.connector.sql;

import org.rightsflow.support.SecretsProperties;

/** The one key an {@link SqlConnector} reads from the secrets: the default key of the hash erasure strategy. */
final class ErasureHashKey {

    private ErasureHashKey() {
    }

    /** Blank: no default key, so a hash strategy needs the system's own hashKey. */
    static SecretsProperties of(String key) {
        return new SecretsProperties("", "", key, "");
    }
}
