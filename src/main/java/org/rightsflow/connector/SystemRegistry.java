package org.rightsflow.connector;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rightsflow.deadline.RequestType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The connected systems, which of them a request reaches, and what each one did. */
@Service
@Transactional(readOnly = true)
public class SystemRegistry {

    private static final int MAX_SUMMARY = 4000;

    private final ConnectedSystems systems;
    private final FulfilmentResults results;
    private final Clock clock;

    SystemRegistry(ConnectedSystems systems, FulfilmentResults results, Clock clock) {
        this.systems = systems;
        this.results = results;
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
        return systems.findById(id).map(ConnectedSystem::toView).orElseThrow(() -> new UnknownSystemException(id));
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

    @Transactional
    public SystemView register(String key, String name, String description, String ownerGroup, ConnectorKind kind,
                        Set<RequestType> types, String instructions) {
        return systems.save(new ConnectedSystem(key, name, description, ownerGroup, kind, types, instructions)).toView();
    }

    public boolean exists(String key) {
        return systems.existsByKey(key);
    }
}
