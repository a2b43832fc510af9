package org.rightsflow.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The frame of a Flyway Java migration that seals, in place, values an earlier version kept in clear. Such a migration
 * is a Spring bean (Spring Boot hands every {@link JavaMigration} bean to Flyway) so that it can use its module's
 * cipher; this class holds what Flyway asks of each one and the walk over a table's rows, so that a migration says
 * only which columns it reads and what it writes back.
 *
 * <p>Not Flyway's {@code BaseJavaMigration}: that one reads the version and description from a class name such as
 * {@code V11_1__Seal_outbox}, and the descriptions already recorded in existing databases' history must not change.
 */
public abstract class SealingMigration implements JavaMigration {

    /** Rows read and written back per round trip: a large table never sits in memory, nor in one batch, at once. */
    private static final int PAGE = 500;

    private final MigrationVersion version;
    private final String description;
    private final Integer checksum;

    /**
     * @param checksum what Flyway records and later compares for this migration; {@code null} for none. A recorded
     *                 value must never change, or Flyway refuses to start on the databases that ran it.
     */
    protected SealingMigration(String version, String description, Integer checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    /** All or nothing: a half-sealed table would hold rows the application cannot read. */
    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    /**
     * Reads {@code id} and {@code columns} of every row of {@code table}, in id order and a page at a time, and runs
     * {@code update} once for each row with the parameters {@code rewrite} binds from it.
     */
    protected static void rewriteRows(Connection connection, String table, String columns, String update,
                                      RowRewrite rewrite) throws SQLException {
        long after = Long.MIN_VALUE;
        try (PreparedStatement page = connection.prepareStatement("select id, " + columns + " from " + table
                + " where id > ? order by id fetch first " + PAGE + " rows only");
             PreparedStatement write = connection.prepareStatement(update)) {
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        after = row.getLong("id");
                        rewrite.bind(row, write);
                        write.addBatch();
                    }
                }
                if (rows == 0) {
                    return;
                }
                write.executeBatch();
            }
        }
    }

    /** What a migration writes back for one row. */
    @FunctionalInterface
    protected interface RowRewrite {

        /** Binds every parameter of the update, the row's id included, from the row just read. */
        void bind(ResultSet row, PreparedStatement update) throws SQLException;
    }
}
