package org.rightsflow.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rightsflow.connector.AccessFile;
import org.rightsflow.connector.DataInPlainWords;
import org.rightsflow.connector.FulfilmentResultView;
import org.rightsflow.connector.PersonalDataDescription;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.RequestType;
import org.springframework.stereotype.Component;

/**
 * What a request's package is made of, system by system: the result each system reported, the latest JSON
 * document its connector returned (an access re-run after a crash replaces, never adds), the files staff attached,
 * what the registry says about the data (for the Art. 15 information) and what staff excluded.
 */
@Component
class PackageSources {

    /**
     * One system's share of the package.
     *
     * @param data     the connector's document, or empty when the system returned none
     * @param ownWords the system's words for the subject (a person's, or an http connector's); null where they were
     *                 an sql connector's count for staff ({@link DataInPlainWords#ownWords})
     */
    record SystemSource(long systemId, String key, String name, String description, FulfilmentResultView result,
                        String ownWords, PersonalDataDescription personalData, Optional<AccessFile> data,
                        Map<String, TableShape> shapes, List<AccessFile> attachments, List<Exclusion> exclusions) {

        /** The staff exclusions as the package writer applies them, for the summary page to show the same. */
        PackageWriter.SystemPart withoutContent() {
            return new PackageWriter.SystemPart(key, name, null, shapes, List.of(), exclusions);
        }

        PackageWriter.SystemPart toPart(SystemActions actions) {
            return new PackageWriter.SystemPart(key, name,
                    data.<PackageWriter.Content>map(file -> () -> actions.openAccessFile(file.id())).orElse(null),
                    shapes, attachments.stream().map(file -> new PackageWriter.Attachment(file.id(), file.fileName(),
                            () -> actions.openAccessFile(file.id()))).toList(), exclusions);
        }
    }

    private final SystemRegistry systems;
    private final SystemActions actions;
    private final PackageExclusions exclusions;
    private final DataInPlainWords plainWords;
    private final PackageWriter writer = new PackageWriter();

    PackageSources(SystemRegistry systems, SystemActions actions, PackageExclusions exclusions,
                   DataInPlainWords plainWords) {
        this.systems = systems;
        this.actions = actions;
        this.exclusions = exclusions;
        this.plainWords = plainWords;
    }

    PackageWriter writer() {
        return writer;
    }

    /** Every system that reported a result for the request, in the order they reported. */
    List<SystemSource> of(String reference) {
        List<AccessFile> files = actions.accessFilesOf(reference);
        List<Exclusion> excluded = exclusions.findByRequestReferenceOrderByIdAsc(reference).stream()
                .map(PackageExclusion::toExclusion).toList();
        Map<Long, FulfilmentResultView> results = new LinkedHashMap<>();
        systems.resultsFor(reference).forEach(result -> results.put(result.systemId(), result));
        List<SystemSource> sources = new ArrayList<>();
        for (FulfilmentResultView result : results.values()) {
            long systemId = result.systemId();
            SystemDefinition definition = systems.definition(systemId);
            Optional<AccessFile> data = files.stream().filter(f -> f.systemId() == systemId && !f.uploaded())
                    .max(Comparator.comparingLong(AccessFile::id));
            List<AccessFile> attachments = files.stream().filter(f -> f.systemId() == systemId && f.uploaded()).toList();
            Map<String, TableShape> shapes = data.map(file -> {
                try (var in = actions.openAccessFile(file.id())) {
                    return TableShape.scan(in, writer.jsonFactory());
                } catch (IOException e) {
                    throw new UncheckedIOException("The data " + definition.key() + " returned for " + reference
                            + " cannot be read (" + e.getMessage() + ")", e);
                }
            }).orElse(Map.of());
            // A portability request reads through the same access step (workflow Routes).
            sources.add(new SystemSource(systemId, definition.key(), definition.name(), definition.description(),
                    result, plainWords.ownWords(reference, RequestType.ACCESS, result).orElse(null),
                    definition.personalData(), data, shapes, attachments,
                    excluded.stream().filter(e -> e.systemId() == systemId).toList()));
        }
        return sources;
    }
}
