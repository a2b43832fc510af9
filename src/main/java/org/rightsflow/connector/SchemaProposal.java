package org.rightsflow.connector;

import java.util.List;
import java.util.Map;

/**
 * What schema discovery proposes for a sql system: the definition as YAML (the exchange format, saved through the
 * import like any other), the tree of tables it maps with each column's role, personal-data kind and proposed
 * strategy, what it found and could not map, and the proposal checked against the live schema.
 *
 * <p>Column values never appear here: a column that looks personal carries a masked example at most
 * ({@code j***@e***.com}).
 *
 * @param yaml       the proposed definition; valid when {@link #complete()}
 * @param candidates tables that could be the identity table (hold an email and a one-column key), best first
 * @param findings   what staff should know: second paths and the one chosen, references up to shared rows, tables
 *                   that cannot be mapped and why, views left out
 * @param check      the proposal against the live schema (as "Test connection" reports it); null when incomplete
 */
public record SchemaProposal(String yaml, String identityTable, List<String> candidates, List<Table> tables,
                             List<String> findings, ConnectionCheck check, DryRun dryRun) {

    public SchemaProposal {
        candidates = List.copyOf(candidates);
        tables = List.copyOf(tables);
        findings = List.copyOf(findings);
    }

    public SchemaProposal(String yaml, String identityTable, List<String> candidates, List<Table> tables,
                          List<String> findings, ConnectionCheck check) {
        this(yaml, identityTable, candidates, tables, findings, check, null);
    }

    /** The same proposal, judged: its live check and, for a test subject, its dry run. */
    public SchemaProposal judged(ConnectionCheck liveCheck, DryRun run) {
        return new SchemaProposal(yaml, identityTable, candidates, tables, findings, liveCheck, run);
    }

    /**
     * What the proposal finds for a test subject, read-only: the rows per table an access would return and what an
     * erasure would do (its dry run's sentence). Counts only, never a value.
     *
     * @param failure why it could not run, or null
     */
    public record DryRun(Map<String, Integer> rowsFound, String erasure, String failure) implements java.io.Serializable {
    }

    /** Whether every table whose rows the proposal keeps has its legal reason: only then can it be saved. */
    public boolean complete() {
        return tables.stream().noneMatch(Table::missingReason);
    }

    /**
     * One table of the proposed tree.
     *
     * @param parent      the table it hangs under; null for the identity table
     * @param foreignKey  its column that refers to the parent; null for the identity table
     * @param erasure     {@code delete}, {@code mask} (rows kept, personal columns masked) or {@code retain}
     * @param why         why that erasure: the foreign key that keeps its rows, or the name that suggests a legal duty
     * @param needsReason whether the rows are kept whole (retain), so a legal basis and a note must be given
     * @param basis       the basis given for a retain (a {@link LegalBasis} name), or null
     */
    public record Table(String name, String parent, String foreignKey, String erasure, String why,
                        boolean needsReason, String basis, String note, List<Column> columns) {

        public Table {
            columns = List.copyOf(columns);
        }

        public boolean missingReason() {
            return needsReason && (basis == null || note == null || note.isBlank());
        }
    }

    /**
     * One column of a mapped table.
     *
     * @param role          {@code key}, {@code link} (refers to the parent or is referred to by a child) or null
     * @param personal      the kind of personal data it looks like ("email address"), or null
     * @param category      the registry category it is mapped to ("contact details"), or null
     * @param reason        why it looks personal, without any value
     * @param maskedExample one sampled value, masked; null when none was sampled
     * @param strategy      what the erasure does to it where the rows are kept ({@code set-null}, ...), or null
     * @param choices       the masks its type and nullability allow, for staff to choose from; empty when the column
     *                      is a key or link, or its rows are not masked
     */
    public record Column(String name, String type, boolean nullable, String role, String personal, String category,
                         String reason, String maskedExample, String strategy, List<String> choices) {

        public Column {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    /**
     * What staff give discovery: where the database is, and what they chose on the review page.
     *
     * @param password      a secret reference ({@code {env: NAME}} or {@code {file: /path}}), or null
     * @param identityTable the identity table chosen, or null to let discovery choose
     * @param reasons       per kept table: its legal basis and note
     * @param erasures      per table, what staff chose instead of the proposal: {@code delete}, {@code mask} or
     *                      {@code retain}
     * @param masks         per {@code table.column}, the mask staff chose instead of the proposal's, or {@code keep}
     * @param testEmail     a test subject's email for a dry run of the proposal, or null
     */
    public record Request(String key, String name, String ownerGroup, String url, String username,
                          SecretReference password, String schema, String identityTable,
                          Map<String, Reason> reasons, Map<String, String> erasures, Map<String, String> masks,
                          String testEmail) {

        public Request {
            reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
            erasures = erasures == null ? Map.of() : Map.copyOf(erasures);
            masks = masks == null ? Map.of() : Map.copyOf(masks);
        }

        public Request(String key, String name, String ownerGroup, String url, String username,
                       SecretReference password, String schema, String identityTable, Map<String, Reason> reasons) {
            this(key, name, ownerGroup, url, username, password, schema, identityTable, reasons, null, null, null);
        }
    }

    /** The legal reason for keeping a table's rows. */
    public record Reason(LegalBasis basis, String note) {
    }
}
