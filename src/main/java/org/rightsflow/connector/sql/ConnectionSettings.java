package org.rightsflow.connector.sql;

import org.rightsflow.connector.SecretReference;

/**
 * The {@code connection} of a sql system.
 *
 * @param username may be null (e.g. H2, or credentials in the URL)
 * @param password a secret reference, or null
 * @param hashKey  the key of the hash strategy, or null to use {@code rightsflow.secrets.erasure-hash-key}
 * @param schema   the schema (MySQL/MariaDB: the database) that unqualified table names live in; null for the
 *                 connection's default
 */
record ConnectionSettings(String url, String username, SecretReference password, SecretReference hashKey,
                          String schema) {

    @Override
    public String toString() {
        return "ConnectionSettings[schema=" + schema + "]";
    }
}
