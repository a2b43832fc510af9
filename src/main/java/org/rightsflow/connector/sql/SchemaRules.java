package org.rightsflow.connector.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the database will do to a mapping that its own reader accepted: the rules that need the live schema. A
 * mapping can name only existing columns and still delete rows that a kept or unmapped table refers to — the
 * database then refuses the erasure (or, with ON DELETE CASCADE, quietly deletes rows nobody mapped). These rules
 * find that before anything runs: on import, on "Test connection" and before every dry run, which refuses to offer an
 * erasure that {@link Problem.Severity#ERROR} says the database will refuse.
 *
 * <p>Each problem names the table, the column and the constraint, and says what to change. Warnings are costs or
 * risks the erasure survives (a missing index, a trigger that may rewrite a masked value, a second path to a table).
 */
final class SchemaRules {

    record Problem(Severity severity, String message) {

        enum Severity { ERROR, WARNING }

        boolean isError() {
            return severity == Severity.ERROR;
        }

        @Override
        public String toString() {
            return (isError() ? "" : "warning: ") + message;
        }
    }

    private final SqlMapping mapping;
    private final LiveSchema schema;
    private final Map<LiveSchema.TableId, MappedTable> mapped = new LinkedHashMap<>();

    SchemaRules(SqlMapping mapping, LiveSchema schema) {
        this.mapping = mapping;
        this.schema = schema;
        for (MappedTable table : mapping.tables()) {
            mapped.put(schema.idOf(table.name()), table);
        }
    }

    /** Every problem, errors first; tables the database lacks are the connection test's to report, not these rules'. */
    List<Problem> check() {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (MappedTable table : mapping.tables()) {
            Optional<LiveSchema.Table> live = schema.table(schema.idOf(table.name()));
            if (live.isEmpty()) {
                continue;
            }
            List<Problem> found = new ArrayList<>();
            deletions(table, live.get(), found);
            columnTypes(table, live.get(), found);
            secondPaths(table, live.get(), found);
            indexes(table, live.get(), found);
            triggers(table, live.get(), found);
            found.forEach(problem -> (problem.isError() ? errors : warnings).add(problem));
        }
        errors.addAll(warnings);
        return errors;
    }

    /**
     * Deleting the subject's rows of a table is safe only when every row that refers to them goes first: a mapped
     * child on that very foreign key, itself deleted. Any other referrer makes the database refuse the delete (or,
     * with ON DELETE CASCADE or SET NULL, change rows the mapping does not know or keeps).
     */
    private void deletions(MappedTable table, LiveSchema.Table live, List<Problem> found) {
        if (table.erasure().mode() != TableErasure.Mode.DELETE) {
            return;
        }
        for (LiveSchema.ForeignKey key : live.exported()) {
            MappedTable referrer = mapped.get(key.from());
            if (referrer != null && referrer.parent() == table && key.singleColumn()
                    && key.fromColumns().get(0).equalsIgnoreCase(referrer.foreignKey())
                    && key.toColumns().get(0).equalsIgnoreCase(referrer.parentKey())) {
                continue; // the child on this key: deleted first (the reader makes a deleted table's children deletes)
            }
            String fk = key.describe(schema.defaultContainer());
            String from = key.from().display(schema.defaultContainer());
            if (key.from().equals(live.id())) {
                if (key.cascades()) {
                    found.add(error(table.name() + " rows refer to other " + table.name() + " rows with ON DELETE "
                            + "CASCADE (" + fk + "): deleting the subject's row would delete the rows of other people "
                            + "that refer to it. Keep " + table.name() + "'s rows and mask them"));
                } else {
                    found.add(warning(table.name() + " rows refer to other " + table.name() + " rows (" + fk
                            + "): deleting the subject's row " + (key.setsNull() ? "clears that reference in"
                            : "fails while it is referred to by") + " another person's row"));
                }
                continue;
            }
            String kept = referrer == null ? "is not mapped"
                    : referrer.erasure().mode() == TableErasure.Mode.DELETE
                    ? "is mapped under " + referrer.parent().name() + ", not on this foreign key"
                    : "is mapped and its rows are kept";
            String columns = String.join(", ", LiveSchema.ForeignKey.written(key.fromColumns()));
            if (referrer != null && isAncestor(referrer, table) && !key.cascades() && !key.setsNull()) {
                found.add(error("the subject's " + referrer.name() + " row refers to their " + table.name()
                        + " rows (" + fk + "), and an erasure deletes " + table.name() + " before "
                        + referrer.name() + " (children first), so the database refuses: keep " + table.name()
                        + "'s rows and mask them"));
                continue;
            }
            if (referrer != null && referrer.erasure().mode() == TableErasure.Mode.DELETE && !key.cascades()
                    && !key.setsNull()) {
                // Its rows found through the mapping go first; only rows tied to the subject this way alone block.
                found.add(warning("deleting " + table.name() + " rows needs every " + from + " row that refers to them "
                        + "(" + fk + ") gone first; " + from + " " + kept + ", so a row of " + from + " that refers to "
                        + "the subject's " + table.name() + " row but is not found through "
                        + referrer.parent().name() + " makes the database refuse the erasure"));
                continue;
            }
            if (key.cascades()) {
                if (referrer != null && referrer.erasure().mode() != TableErasure.Mode.DELETE) {
                    found.add(error("deleting " + table.name() + " rows deletes the " + from
                            + " rows that refer to them (ON DELETE CASCADE, " + fk + "), but " + from
                            + " is mapped and its rows are kept: keep " + table.name() + "'s rows (mask them) "
                            + "instead of deleting them"));
                } else {
                    found.add(warning("deleting " + table.name() + " rows also deletes the " + from + " rows that "
                            + "refer to them (ON DELETE CASCADE, " + fk + "); " + from + " " + kept
                            + ", so the report does not count them: map " + from + " as a child of " + table.name()));
                }
            } else if (key.setsNull()) {
                found.add(warning("deleting " + table.name() + " rows sets " + from + "." + columns + " to NULL in the rows that refer to them (ON DELETE "
                        + "SET NULL, " + fk + "); " + from + " " + kept));
            } else {
                found.add(error("deleting " + table.name() + " rows breaks the foreign key " + fk + ": " + from + " "
                        + kept + ", so the database refuses to delete a row of " + table.name() + " that a row of "
                        + from + " refers to. Map " + from + " as a child of " + table.name() + " on "
                        + columns + (key.singleColumn() ? "" : " (a foreign key of "
                        + key.fromColumns().size() + " columns cannot be mapped: keep and mask " + table.name()
                        + "'s rows instead)") + ", or keep " + table.name() + "'s rows and mask them"));
            }
        }
    }

    private static boolean isAncestor(MappedTable candidate, MappedTable table) {
        for (MappedTable up = table.parent(); up != null; up = up.parent()) {
            if (up == candidate) {
                return true;
            }
        }
        return false;
    }

    /** What a column's type can take: the typed strategies need their type. */
    private void columnTypes(MappedTable table, LiveSchema.Table live, List<Problem> found) {
        for (ColumnRule rule : table.erasure().masked()) {
            Optional<LiveSchema.Column> column = live.column(rule.column());
            if (column.isEmpty()) {
                continue;
            }
            String where = table.name() + "." + rule.column();
            String type = column.get().typeName();
            if (rule.strategy() == Strategy.YEAR_ONLY && !column.get().isDateOrTime()) {
                found.add(error(where + " is " + type + ", not a date or timestamp, so year-only cannot mask it "
                        + "(choose set-null, redact, or a date column)"));
            }
            if (rule.strategy() == Strategy.ZERO && !column.get().isNumber()) {
                found.add(error(where + " is " + type + ", not a number, so zero cannot mask it (choose set-null or "
                        + "redact)"));
            }
        }
    }

    /**
     * The mapping reaches each table through one parent; a foreign key to another mapped table is a second path the
     * connector does not follow, so a row linked to the subject only that way is neither returned nor erased.
     */
    private void secondPaths(MappedTable table, LiveSchema.Table live, List<Problem> found) {
        if (table.isIdentityTable()) {
            return;
        }
        for (LiveSchema.ForeignKey key : live.imported()) {
            MappedTable target = mapped.get(key.to());
            boolean theParentKey = target == table.parent() && key.singleColumn()
                    && key.fromColumns().get(0).equalsIgnoreCase(table.foreignKey());
            if (target != null && target != table && !theParentKey) {
                found.add(warning(table.name() + " is reached through " + table.parent().name() + ", but it also "
                        + "refers to " + target.name() + " (" + key.describe(schema.defaultContainer()) + "): rows of "
                        + table.name() + " linked to the subject only that way are not found; the mapping follows "
                        + "one path"));
            }
        }
    }

    /** Finding one subject's rows should be an index lookup, not a scan of the table for every request. */
    private void indexes(MappedTable table, LiveSchema.Table live, List<Problem> found) {
        if (!table.isIdentityTable()) {
            if (!live.hasIndexStartingWith(table.foreignKey())) {
                found.add(warning("no index on " + table.name() + "." + table.foreignKey() + ": every request (and "
                        + "every 500 people of a batch) reads the whole of " + table.name() + " to find the subject's "
                        + "rows; create one, e.g. CREATE INDEX ON " + table.name() + " (" + table.foreignKey() + ")"));
            }
            return;
        }
        MappedTable.SubjectMatch match = table.match();
        if (match.accountIdColumn() != null && !live.hasIndexStartingWith(match.accountIdColumn())) {
            found.add(warning("no index on " + table.name() + "." + match.accountIdColumn() + ": every request "
                    + "with an account id reads the whole of " + table.name() + "; create one"));
        }
        // LOWER(email) = ? needs an expression index; PostgreSQL shows them in the catalogue, MariaDB and H2 have none.
        if (match.emailColumn() != null && schema.isPostgres()) {
            Pattern lower = Pattern.compile("lower\\(\\(?" + Pattern.quote(match.emailColumn().toLowerCase(Locale.ROOT))
                    + "\\b");
            boolean served = live.indexes().stream().anyMatch(index -> !index.columns().isEmpty()
                    && lower.matcher(index.columns().get(0).toLowerCase(Locale.ROOT)).find());
            if (!served) {
                found.add(warning("no index serves LOWER(" + match.emailColumn() + ") on " + table.name()
                        + ": every request reads the whole of " + table.name() + " to find the subject; create one, "
                        + "e.g. CREATE INDEX ON " + table.name() + " (lower(" + match.emailColumn() + "))"));
            }
        }
    }

    /**
     * A trigger that writes a masked column back on update makes the proof of erasure fail (it finds the value
     * again); one that only reads it may still change it. The catalogue shows what the trigger runs, so a BEFORE
     * UPDATE trigger assigning {@code NEW.column} is an error, any other update trigger naming the column a warning.
     */
    private void triggers(MappedTable table, LiveSchema.Table live, List<Problem> found) {
        List<ColumnRule> masked = table.erasure().masked();
        if (masked.isEmpty()) {
            return;
        }
        for (LiveSchema.Trigger trigger : live.triggers()) {
            if (!trigger.firesOnUpdate()) {
                continue;
            }
            String definition = trigger.definition() == null ? "" : trigger.definition().toLowerCase(Locale.ROOT);
            for (ColumnRule rule : masked) {
                String column = Pattern.quote(rule.column().toLowerCase(Locale.ROOT));
                boolean assigns = Pattern.compile("\\bnew\\s*\\.\\s*" + column + "\\s*:?=(?!=)").matcher(definition)
                        .find();
                boolean names = Pattern.compile("\\b" + column + "\\b").matcher(definition).find();
                String where = table.name() + "." + rule.column();
                if (assigns && !trigger.timing().toUpperCase(Locale.ROOT).startsWith("AFTER")) {
                    found.add(error("trigger " + trigger.name() + " on " + table.name() + " (" + trigger.timing()
                            + " UPDATE) sets " + where + ", which the erasure masks: it would write the value back "
                            + "and the proof of erasure would fail. Change the trigger, or keep the column"));
                } else if (names) {
                    found.add(warning("trigger " + trigger.name() + " on " + table.name() + " (" + trigger.timing()
                            + " UPDATE) uses " + where + ", which the erasure masks: check that it does not write "
                            + "the value back"));
                }
            }
        }
    }

    private static Problem error(String message) {
        return new Problem(Problem.Severity.ERROR, message);
    }

    private static Problem warning(String message) {
        return new Problem(Problem.Severity.WARNING, message);
    }
}
