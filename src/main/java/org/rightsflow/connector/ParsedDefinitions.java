package org.rightsflow.connector;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The connected systems' definitions as parsed, so that the landing page (its list of correctable fields) and every
 * connector step do not parse each system's YAML again. An entry belongs to the stored YAML text it was parsed from:
 * the text is read with the system as always, and a different text (the definition was saved, on this node or
 * another) is parsed at once and replaces the entry. The cached definitions are shared: read-only, as all are.
 */
final class ParsedDefinitions {

    /** The fields a correction may name in one system, and the subject's words for those it labels. */
    record CorrectableFields(Set<String> names, Map<String, Words> labels) {

        CorrectableFields {
            names = Set.copyOf(names);
            labels = Map.copyOf(labels);
        }

        static final CorrectableFields NONE = new CorrectableFields(Set.of(), Map.of());
    }

    private record Parsed(String text, SystemDefinition definition, CorrectableFields correctableFields) {
    }

    private final Map<Long, Parsed> bySystem = new ConcurrentHashMap<>();
    private final AtomicLong parses = new AtomicLong();

    SystemDefinition definition(ConnectedSystem system,
                                Function<SystemDefinition, CorrectableFields> correctableFields) {
        return parsed(system, correctableFields).definition();
    }

    CorrectableFields correctableFields(ConnectedSystem system,
                                        Function<SystemDefinition, CorrectableFields> correctableFields) {
        return parsed(system, correctableFields).correctableFields();
    }

    /** How many times a definition was parsed since start: for tests that a view parses nothing. */
    long parses() {
        return parses.get();
    }

    private Parsed parsed(ConnectedSystem system, Function<SystemDefinition, CorrectableFields> correctableFields) {
        String text = system.storedDefinition();
        Parsed cached = bySystem.get(system.id());
        if (cached != null && cached.text().equals(text)) {
            return cached;
        }
        parses.incrementAndGet();
        SystemDefinition definition = system.definition();
        Parsed parsed = new Parsed(text, definition, correctableFields.apply(definition));
        bySystem.put(system.id(), parsed);
        return parsed;
    }
}
