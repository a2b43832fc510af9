package org.rightsflow.connector;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rightsflow.deadline.RequestType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The connected systems: their definitions, which of them a request reaches, import and export as YAML, the
 * connection test, and the final result each system reported for a request.
 */
@Service
@Transactional(readOnly = true)
public class SystemRegistry {

    private static final int MAX_SUMMARY = 4000;

    private final ConnectedSystems systems;
    private final FulfilmentResults results;
    private final Map<ConnectorKind, AutomatedConnector> connectors;
    private final Clock clock;
    private final ParsedDefinitions parsed = new ParsedDefinitions();

    SystemRegistry(ConnectedSystems systems, FulfilmentResults results, List<AutomatedConnector> connectors,
                   Clock clock) {
        this.systems = systems;
        this.results = results;
        this.connectors = connectors.stream().collect(Collectors.toMap(AutomatedConnector::kind, Function.identity()));
        this.clock = clock;
    }

    public List<SystemView> all() {
        return systems.findAllByOrderByNameAsc().stream().map(ConnectedSystem::toView).toList();
    }

    /** The active systems that take part in this type of request, in a stable order. */
    public List<SystemView> inScopeFor(RequestType type) {
        return systems.findAllByOrderByNameAsc().stream().filter(s -> s.takesPartIn(type))
                .map(ConnectedSystem::toView).toList();
    }

    public SystemView get(long id) {
        return load(id).toView();
    }

    public SystemDefinition definition(long id) {
        return parsed.definition(load(id), this::declaredCorrectableFields);
    }

    /** How many definitions were parsed since start (a view of the landing page parses none): for tests. */
    long definitionsParsed() {
        return parsed.parses();
    }

    public Optional<SystemView> find(String key) {
        return systems.findByKey(key).map(ConnectedSystem::toView);
    }

    public boolean exists(String key) {
        return systems.existsByKey(key);
    }

    /**
     * Checks a definition as a whole, including the parts only its connector understands.
     *
     * @throws IllegalArgumentException naming the path of the first problem
     */
    public void validate(SystemDefinition definition) {
        AutomatedConnector connector = connectors.get(definition.kind());
        if (connector != null) {
            connector.validate(definition);
        } else if (definition.kind().isAutomated()) {
            throw new IllegalArgumentException("No connector of kind " + definition.kind().yamlName() + " is installed");
        }
    }

    /** Creates the system, or replaces the definition of the system with the same key. */
    @Transactional
    public SystemView save(SystemDefinition definition) {
        validate(definition);
        Optional<ConnectedSystem> existing = systems.findByKey(definition.key());
        if (existing.isPresent()) {
            existing.get().apply(definition);
            changed(definition.key());
            return existing.get().toView();
        }
        return systems.save(new ConnectedSystem(definition)).toView();
    }

    /** Takes a system out of scope (or back in) without touching the rest of its definition. */
    @Transactional
    public SystemView setActive(String key, boolean active) {
        ConnectedSystem system = systems.findByKey(key).orElseThrow(() -> new IllegalArgumentException(
                "No system with key " + key));
        Map<String, Object> source = new LinkedHashMap<>(parsed.definition(system, this::declaredCorrectableFields)
                .source());
        source.put("active", active);
        SystemDefinition changed = SystemDefinitions.parseSingle("system " + key, SystemDefinitions.toYaml(source));
        system.apply(changed);
        changed(key);
        return system.toView();
    }

    /**
     * Gives the system to another owner group without touching the rest of its definition. Tasks already offered to
     * the old group stay with it; new tasks go to the new one.
     *
     * @return the owner group it had before
     */
    @Transactional
    public String setOwnerGroup(long id, String ownerGroup) {
        ConnectedSystem system = load(id);
        String before = system.toView().ownerGroup();
        Map<String, Object> source = new LinkedHashMap<>(parsed.definition(system, this::declaredCorrectableFields)
                .source());
        source.put("ownerGroup", ownerGroup);
        SystemDefinition changed = SystemDefinitions.parseSingle("system " + system.toView().key(),
                SystemDefinitions.toYaml(source));
        system.apply(changed);
        changed(system.toView().key());
        return before;
    }

    /** Lets every connector rebuild what it keeps for the system (its connection pool) from the new definition. */
    private void changed(String key) {
        connectors.values().forEach(connector -> connector.definitionChanged(key));
    }

    /**
     * Imports a YAML document of definitions, all or nothing: every definition is checked before any is saved.
     *
     * @throws IllegalArgumentException naming the path of the first problem; nothing was changed then
     */
    @Transactional
    public ImportReport importYaml(String origin, String yaml) {
        return importYaml(origin, yaml, null);
    }

    /**
     * As {@link #importYaml(String, String)}, every system given to {@code ownerGroup} (null: each definition's own
     * owner group). The caller checks that the group exists.
     */
    @Transactional
    public ImportReport importYaml(String origin, String yaml, String ownerGroup) {
        List<SystemDefinition> definitions = SystemDefinitions.parseDocument(origin, yaml, ownerGroup);
        definitions.forEach(this::validate);
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (SystemDefinition definition : definitions) {
            (systems.existsByKey(definition.key()) ? updated : created).add(definition.key());
            save(definition);
        }
        return new ImportReport(created, updated);
    }

    /** Every definition as one YAML document, secrets as references. */
    public String exportYaml() {
        return SystemDefinitions.toYaml(systems.findAllByOrderByNameAsc().stream()
                .map(ConnectedSystem::definition).toList());
    }

    /**
     * Proposes a sql system's definition from its live schema (schema discovery); nothing is saved.
     *
     * @throws ConnectorException when the database cannot be reached or its catalogue read
     */
    public SchemaProposal discover(SchemaProposal.Request request) {
        if (!(connectors.get(ConnectorKind.SQL) instanceof DiscoversSchemas discovery)) {
            throw new ConnectorException("No sql connector is installed");
        }
        return discovery.discover(request);
    }

    /** Connects to the system and checks its mapping; never throws. */
    public ConnectionCheck testConnection(long id) {
        SystemDefinition definition = definition(id);
        AutomatedConnector connector = connectors.get(definition.kind());
        if (connector == null) {
            return ConnectionCheck.ok("Nothing to connect to: a " + definition.kind().yamlName()
                    + " system is reached by people, not by Rightsflow.", List.of());
        }
        return connector.testConnection(definition);
    }

    /** Whether Rightsflow can do this action in the system itself; false for manual and processor systems. */
    public boolean supports(long systemId, ConnectorAction action) {
        SystemDefinition definition = definition(systemId);
        return connectorFor(definition.kind()).map(c -> c.supports(definition, action)).orElse(false);
    }

    /**
     * Whether the system takes a whole batch of this action (OPT_OUT or LIMIT_USE) in one step
     * ({@link SystemActions#performBatch}); false for manual and processor systems and for connectors that cannot.
     */
    public boolean supportsBatch(long systemId, ConnectorAction action) {
        SystemDefinition definition = definition(systemId);
        return connectorFor(definition.kind()).map(c -> c.supportsBatch(definition, action)).orElse(false);
    }

    /**
     * Whether Rightsflow can list the people the system holds ({@link SystemActions#scanIdentities}), for the guard
     * against erased people reappearing: sql systems can; http, manual and processor systems cannot.
     */
    public boolean canScanIdentities(long systemId) {
        SystemDefinition definition = definition(systemId);
        return connectorFor(definition.kind()).map(c -> c.canScanIdentities(definition)).orElse(false);
    }

    public CallbackDelays callbackDelays(long systemId) {
        SystemDefinition definition = definition(systemId);
        return connectorFor(definition.kind()).map(c -> c.callbackDelays(definition)).orElse(CallbackDelays.DEFAULT);
    }

    /**
     * The fields a correction request may name: every field declared by an active system that takes part in
     * corrections, sorted. Empty when no such system declares any.
     */
    public SortedSet<String> correctableFields() {
        SortedSet<String> fields = new TreeSet<>();
        for (ConnectedSystem system : systems.findAllByOrderByNameAsc()) {
            if (system.takesPartIn(RequestType.CORRECTION)) {
                fields.addAll(parsed.correctableFields(system, this::declaredCorrectableFields).names());
            }
        }
        return fields;
    }

    /**
     * The subject's words for the correctable fields, in their language, written to begin a line ("Your last
     * name"): the label the first system (by name) gives the field. A field no system labels is absent; callers name
     * it by its readable name.
     */
    public Map<String, String> correctableFieldLabels(Locale language) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (ConnectedSystem system : systems.findAllByOrderByNameAsc()) {
            if (system.takesPartIn(RequestType.CORRECTION)) {
                parsed.correctableFields(system, this::declaredCorrectableFields).labels().forEach((field, words) ->
                        labels.putIfAbsent(field, capitalised(words.in(language), language)));
            }
        }
        return labels;
    }

    /** The system's reasons for keeping data in every language its definition writes them (see the connector's). */
    Map<String, Words> keptNotes(SystemDefinition definition) {
        try {
            return connectorFor(definition.kind()).map(c -> c.keptNotes(definition)).orElse(Map.of());
        } catch (IllegalArgumentException e) {
            // A definition saved before a stricter check: its reasons are read as the connector reported them.
            return Map.of();
        }
    }

    private static String capitalised(String text, Locale language) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(language) + text.substring(1);
    }

    /**
     * The accepted corrections this system is to apply: the fields it declares, or all of them when it declares
     * none (a person or the system itself then decides what it holds). Empty means the system has nothing to do.
     */
    public Map<String, String> correctionsFor(long systemId, Map<String, String> accepted) {
        Set<String> declared = declaredCorrectableFields(definition(systemId)).names();
        if (declared.isEmpty()) {
            return accepted;
        }
        Map<String, String> applicable = new LinkedHashMap<>();
        accepted.forEach((field, value) -> {
            if (declared.contains(field)) {
                applicable.put(field, value);
            }
        });
        return applicable;
    }

    private ParsedDefinitions.CorrectableFields declaredCorrectableFields(SystemDefinition definition) {
        try {
            Optional<AutomatedConnector> connector = connectorFor(definition.kind());
            return new ParsedDefinitions.CorrectableFields(
                    connector.map(c -> c.correctableFields(definition)).orElse(definition.correctableFields()),
                    connector.map(c -> c.correctableFieldLabels(definition)).orElse(Map.of()));
        } catch (IllegalArgumentException e) {
            // A definition saved before a stricter check: its action fails with the reason, the form stays usable.
            return ParsedDefinitions.CorrectableFields.NONE;
        }
    }

    Optional<AutomatedConnector> connectorFor(ConnectorKind kind) {
        return Optional.ofNullable(connectors.get(kind));
    }

    @Transactional
    public void recordResult(String reference, long systemId, SystemOutcome outcome, String summary, String actor) {
        if (!systems.existsById(systemId)) {
            throw new UnknownSystemException(systemId);
        }
        String trimmed = summary == null ? null : summary.strip();
        if (trimmed != null && trimmed.length() > MAX_SUMMARY) {
            trimmed = trimmed.substring(0, MAX_SUMMARY);
        }
        results.save(new FulfilmentResult(reference, systemId, outcome, trimmed, actor, clock.instant()));
    }

    public List<FulfilmentResultView> resultsFor(String reference) {
        Map<Long, String> names = systems.findAll().stream()
                .collect(Collectors.toMap(ConnectedSystem::id, ConnectedSystem::name));
        return results.findByRequestReferenceOrderByCompletedAtAsc(reference).stream()
                .map(r -> r.toView(names.getOrDefault(r.systemId(), "System " + r.systemId()))).toList();
    }

    private ConnectedSystem load(long id) {
        return systems.findById(id).orElseThrow(() -> new UnknownSystemException(id));
    }
}
