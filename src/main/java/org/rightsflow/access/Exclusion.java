package org.rightsflow.access;

import java.time.Instant;

/**
 * What staff leave out of a package and why. Exactly one shape: a whole system (table, column and file null), a
 * table, a column of a table, or an attached file.
 *
 * @param id null until recorded
 */
public record Exclusion(Long id, long systemId, String table, String column, Long accessFileId, String reason,
                        String excludedBy, Instant excludedAt) {

    /** A new exclusion as staff ask for it. */
    public static Exclusion of(long systemId, String table, String column, Long accessFileId, String reason) {
        return new Exclusion(null, systemId, blankToNull(table), blankToNull(column), accessFileId,
                reason == null ? null : reason.strip(), null, null);
    }

    boolean wholeSystem() {
        return table == null && column == null && accessFileId == null;
    }

    boolean coversTable(String name) {
        return accessFileId == null && column == null && name.equals(table);
    }

    boolean coversColumn(String tableName, String columnName) {
        return accessFileId == null && tableName.equals(table) && columnName.equals(column);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
