package org.rightsflow.connector.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.TableReport;

/**
 * The one plain sentence per action that staff read in the timeline and the subject reads in the answer, e.g.
 * "Deleted 12 rows in 4 tables, masked 3 fields, kept 5 rows (GDPR Art. 17(3)(b): tax records)." Counts, table
 * names and reasons only: never a value.
 */
final class Summaries {

    private Summaries() {
    }

    static String access(List<TableReport> tables) {
        int rows = tables.stream().mapToInt(TableReport::rowsFound).sum();
        if (rows == 0) {
            return "Found no data for this person.";
        }
        return "Found " + count(rows, "row") + " in " + count(tables.size(), "table") + ".";
    }

    /**
     * The access sentence, saying what limited it, e.g. "Found 9 rows in 6 tables (only the data the person provided;
     * orders and tickets only from 2024-02-01 on)."
     *
     * @param providedOnly   portability: only the data the subject provided
     * @param lookbackTables the tables whose rows were looked back from {@code since}; empty without a lookback
     */
    static String access(List<TableReport> tables, boolean providedOnly, List<String> lookbackTables, LocalDate since) {
        String sentence = access(tables);
        List<String> limits = new ArrayList<>();
        if (providedOnly) {
            limits.add("only the data the person provided");
        }
        if (since != null && !lookbackTables.isEmpty()) {
            limits.add(list(lookbackTables) + " only from " + since + " on");
        }
        if (limits.isEmpty() || tables.stream().mapToInt(TableReport::rowsFound).sum() == 0) {
            return sentence;
        }
        return sentence.substring(0, sentence.length() - 1) + " (" + String.join("; ", limits) + ").";
    }

    /** "a", "a and b", "a, b and c". */
    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** @param dryRun true for the plan ("Would delete …"), false for the erasure ("Deleted …") */
    static String erasure(List<TableReport> tables, boolean dryRun) {
        int found = tables.stream().mapToInt(TableReport::rowsFound).sum();
        if (found == 0) {
            return dryRun ? "Found nothing of this person to erase (0 rows)."
                    : "Found nothing of this person to erase (0 rows); nothing changed.";
        }
        int deleted = tables.stream().mapToInt(TableReport::rowsDeleted).sum();
        long deletedTables = tables.stream().filter(t -> t.rowsDeleted() > 0).count();
        int masked = tables.stream().mapToInt(TableReport::fieldsMasked).sum();
        int rowsKept = tables.stream().mapToInt(TableReport::rowsRetained).sum();
        int fieldsKept = tables.stream().mapToInt(TableReport::fieldsRetained).sum();
        List<String> clauses = new ArrayList<>();
        if (deleted > 0) {
            clauses.add((dryRun ? "delete " : "deleted ") + count(deleted, "row") + " in " + count((int) deletedTables, "table"));
        }
        if (masked > 0) {
            clauses.add((dryRun ? "mask " : "masked ") + count(masked, "field"));
        }
        if (rowsKept > 0 || fieldsKept > 0) {
            String kept = rowsKept > 0 && fieldsKept > 0 ? count(rowsKept, "row") + " and " + count(fieldsKept, "field")
                    : rowsKept > 0 ? count(rowsKept, "row") : count(fieldsKept, "field");
            Set<String> notes = new LinkedHashSet<>();
            tables.forEach(t -> notes.addAll(t.retentionNotes()));
            clauses.add((dryRun ? "keep " : "kept ") + kept + " (" + String.join("; ", notes) + ")");
        }
        if (clauses.isEmpty()) {
            return "Found " + count(found, "row") + ", already erased; nothing " + (dryRun ? "to change." : "changed.");
        }
        String sentence = String.join(", ", clauses);
        return dryRun ? "Would " + sentence + "." : capitalise(sentence) + ".";
    }

    static String optOut(List<TableReport> tables) {
        int found = tables.stream().mapToInt(TableReport::rowsFound).sum();
        int updated = tables.stream().mapToInt(TableReport::rowsUpdated).sum();
        if (found == 0) {
            return "Found no data for this person; nothing to opt out.";
        }
        if (updated == 0) {
            return "Found " + count(found, "row") + ", already opted out; nothing changed.";
        }
        long changedTables = tables.stream().filter(t -> t.rowsUpdated() > 0).count();
        return "Opted out " + count(updated, "row") + " in " + count((int) changedTables, "table") + ".";
    }

    static String limitUse(List<TableReport> tables) {
        int found = tables.stream().mapToInt(TableReport::rowsFound).sum();
        int updated = tables.stream().mapToInt(TableReport::rowsUpdated).sum();
        if (found == 0) {
            return "Found no data for this person; nothing to limit.";
        }
        if (updated == 0) {
            return "Found " + count(found, "row") + ", use of sensitive data already limited; nothing changed.";
        }
        long changedTables = tables.stream().filter(t -> t.rowsUpdated() > 0).count();
        return "Limited the use of sensitive data in " + count(updated, "row") + " in "
                + count((int) changedTables, "table") + ".";
    }

    /**
     * The sentence for a batch, e.g. "1,000 people: 640 found, 640 rows updated in customers and 212 rows updated in
     * newsletter_subscriptions."
     *
     * @param people the people in the batch, as given
     * @param found  the identity rows (accounts) found for them
     */
    static String batch(ConnectorAction action, int people, int found, List<TableReport> tables) {
        String head = grouped(people) + (people == 1 ? " person: " : " people: ");
        if (found == 0) {
            return head + "none found; nothing changed.";
        }
        List<String> updates = new ArrayList<>();
        for (TableReport table : tables) {
            if (table.rowsUpdated() > 0) {
                updates.add(grouped(table.rowsUpdated()) + (table.rowsUpdated() == 1 ? " row" : " rows")
                        + " updated in " + table.table());
            }
        }
        if (updates.isEmpty()) {
            return head + grouped(found) + " found, " + (action == ConnectorAction.LIMIT_USE
                    ? "use of sensitive data already limited" : "already opted out") + "; nothing changed.";
        }
        return head + grouped(found) + " found, " + list(updates) + ".";
    }

    /** 1,000 and 100,000: batches are large, and staff read these numbers. */
    private static String grouped(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * @param applied    "name, phone in customers"-style clauses, one per table where rows changed
     * @param notApplied "shoe_size (no such field in this system)"-style clauses
     */
    static String correction(int rowsFound, int rowsUpdated, List<String> applied, List<String> notApplied) {
        String sentence;
        if (rowsFound == 0) {
            sentence = "Found no data for this person; nothing corrected.";
        } else if (rowsUpdated == 0) {
            sentence = "Found " + count(rowsFound, "row") + "; nothing needed correcting.";
        } else {
            sentence = "Corrected " + String.join("; ", applied) + " (" + count(rowsUpdated, "row") + ").";
        }
        if (!notApplied.isEmpty()) {
            sentence += " Not applied: " + String.join(", ", notApplied) + ".";
        }
        return sentence;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
