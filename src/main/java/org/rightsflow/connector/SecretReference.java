package org.rightsflow.connector;

/**
 * Where a secret lives: an environment variable ({@code {env: SHOP_DB_PASSWORD}}) or a file
 * ({@code {file: /run/secrets/shop_db_password}}). Definitions hold only these references, never the secret, so
 * a definition can be exported, kept in git and shown back without revealing anything.
 */
public record SecretReference(Source source, String name) {

    public enum Source { ENV, FILE }

    /** The reference as a definition writes it, safe to display. */
    public String describe() {
        return "{" + source.name().toLowerCase() + ": " + name + "}";
    }

    @Override
    public String toString() {
        return describe();
    }
}
