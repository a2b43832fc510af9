package org.rightsflow.access;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.AccessFile;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.support.StaffNote;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff review of a package before release: what each system returned, a look at the rows of a table, and
 * exclusions with their reasons (GDPR Art. 15(4): other people's data, legal privilege). Exclusions apply when the
 * package is assembled; the subject reads each one, with its reason, in the package's summary.
 */
@Service
public class PackageReview {

    /** What one system returned, as the review page lists it. */
    public record SystemContents(long systemId, String key, String name, List<TableShape> tables,
                                 List<AccessFile> attachments) {
    }

    private final PackageSources sources;
    private final PackageExclusions exclusions;
    private final SystemActions actions;
    private final Timeline timeline;
    private final Clock clock;

    PackageReview(PackageSources sources, PackageExclusions exclusions, SystemActions actions, Timeline timeline,
                  Clock clock) {
        this.sources = sources;
        this.exclusions = exclusions;
        this.actions = actions;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SystemContents> contents(String reference) {
        return sources.of(reference).stream().map(source -> new SystemContents(source.systemId(), source.key(),
                source.name(), List.copyOf(source.shapes().values()), source.attachments())).toList();
    }

    @Transactional(readOnly = true)
    public List<Exclusion> exclusions(String reference) {
        return exclusions.findByRequestReferenceOrderByIdAsc(reference).stream().map(PackageExclusion::toExclusion)
                .toList();
    }

    /** The first rows of one table as text, for staff to see what it holds before deciding. */
    @Transactional(readOnly = true)
    public List<Map<String, String>> preview(String reference, long systemId, String table, int limit) {
        PackageSources.SystemSource source = sources.of(reference).stream().filter(s -> s.systemId() == systemId)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("This system has no data for the request."));
        if (source.data().isEmpty() || !source.shapes().containsKey(table)) {
            throw new IllegalArgumentException("This system returned no table of that name.");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = actions.openAccessFile(source.data().get().id());
             JsonParser parser = sources.writer().jsonFactory().createParser(in)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME && rows.size() < limit) {
                boolean ours = parser.currentName().equals(table);
                if (parser.nextToken() != JsonToken.START_ARRAY || !ours) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT && rows.size() < limit) {
                    Map<String, String> row = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String column = parser.currentName();
                        JsonToken value = parser.nextToken();
                        row.put(column, value == JsonToken.VALUE_NULL ? "" : value.isStructStart()
                                ? readTree(parser) : parser.getText());
                    }
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The data cannot be read (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    /**
     * Leaves something out of the package, with the reason the subject will read.
     *
     * @throws IllegalArgumentException with a message for staff when the target does not exist, is already
     *                                  excluded, or the reason is missing
     */
    @Transactional
    public Exclusion exclude(String reference, Exclusion requested, String by) {
        String reason = requested.reason() == null ? "" : requested.reason().strip();
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("Give the reason for leaving it out: the person reads it in the package.");
        }
        if (reason.length() > StaffNote.MAX_LENGTH) {
            throw new IllegalArgumentException("Keep the reason under " + StaffNote.MAX_LENGTH + " characters.");
        }
        PackageSources.SystemSource source = sources.of(reference).stream()
                .filter(s -> s.systemId() == requested.systemId()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This system has no part in the package."));
        String what = target(source, requested);
        if (exclusions(reference).stream().anyMatch(e -> sameTarget(e, requested))) {
            throw new IllegalArgumentException(what + " is already left out.");
        }
        Exclusion cleaned = new Exclusion(null, requested.systemId(), requested.table(), requested.column(),
                requested.accessFileId(), reason, null, null);
        PackageExclusion saved = exclusions.save(new PackageExclusion(reference, cleaned, by, clock.instant()));
        timeline.record(reference, by, TimelineKind.PACKAGE_ITEM_EXCLUDED, what + " left out of the package: " + reason);
        return saved.toExclusion();
    }

    /** Puts something back that was left out, before release. */
    @Transactional
    public void include(String reference, long exclusionId, String by) {
        PackageExclusion exclusion = exclusions.findById(exclusionId)
                .filter(e -> exclusions.findByRequestReferenceOrderByIdAsc(reference).stream()
                        .anyMatch(mine -> mine.id().equals(e.id())))
                .orElseThrow(() -> new IllegalArgumentException("No such exclusion for this request."));
        exclusions.delete(exclusion);
        timeline.record(reference, by, TimelineKind.PACKAGE_ITEM_EXCLUDED, "Exclusion withdrawn: the item goes back "
                + "into the package.");
    }

    /** Checks the target exists and names it for staff. */
    private static String target(PackageSources.SystemSource source, Exclusion requested) {
        if (requested.accessFileId() != null) {
            if (requested.table() != null || requested.column() != null) {
                throw new IllegalArgumentException("Leave out a file, a table or a column, one at a time.");
            }
            return source.attachments().stream().filter(f -> f.id() == requested.accessFileId()).findFirst()
                    .map(f -> "File " + f.fileName() + " of " + source.name())
                    .orElseThrow(() -> new IllegalArgumentException("No such attached file in this system."));
        }
        if (requested.table() == null) {
            if (requested.column() != null) {
                throw new IllegalArgumentException("Choose the table of that column.");
            }
            return "Everything from " + source.name();
        }
        TableShape shape = source.shapes().get(requested.table());
        if (shape == null) {
            throw new IllegalArgumentException("No table " + requested.table() + " in " + source.name() + ".");
        }
        if (requested.column() == null) {
            return "Table " + shape.name() + " of " + source.name();
        }
        if (!shape.columns().contains(requested.column())) {
            throw new IllegalArgumentException("No column " + requested.column() + " in " + shape.name() + ".");
        }
        return "Column " + requested.column() + " of " + shape.name() + " in " + source.name();
    }

    private static boolean sameTarget(Exclusion a, Exclusion b) {
        return a.systemId() == b.systemId() && java.util.Objects.equals(a.table(), b.table())
                && java.util.Objects.equals(a.column(), b.column())
                && java.util.Objects.equals(a.accessFileId(), b.accessFileId());
    }

    private static String readTree(JsonParser parser) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try (var generator = parser.getCodec() == null
                ? new com.fasterxml.jackson.core.JsonFactory().createGenerator(text)
                : parser.getCodec().getFactory().createGenerator(text)) {
            generator.copyCurrentStructure(parser);
        }
        return text.toString();
    }
}
