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

    /**
     * JDBC URL parameters that make a driver run code or read files when it connects: H2's {@code INIT} (any SQL,
     * including {@code CREATE ALIAS} with Java), pgjdbc's factory and logger classes, MySQL/MariaDB deserialisation
     * and local-file loading. A definition is written by an admin, but it is also imported from files and shown to
     * others: no connection setting should amount to running code on the Rightsflow host.
     */
    private static final java.util.regex.Pattern RUNS_CODE = java.util.regex.Pattern.compile(
            "(?i)[;?&](init|socketFactory|socketFactoryArg|sslfactory|sslhostnameverifier|sslpasswordcallback"
                    + "|authenticationPluginClassName|loggerFile|loggerLevel|autoDeserialize|allowLoadLocalInfile"
                    + "|allowUrlInLocalInfile|queryInterceptors|statementInterceptors|exceptionInterceptors)\\s*=");

    /** Why the URL is refused, or null when it may be used. */
    static String refusal(String url) {
        java.util.regex.Matcher found = RUNS_CODE.matcher(url);
        return found.find() ? "the parameter " + found.group(1) + " makes the driver run code or read files when it "
                + "connects, so it is not allowed" : null;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[schema=" + schema + "]";
    }
}
