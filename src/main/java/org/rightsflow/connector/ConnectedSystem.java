package org.rightsflow.connector;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Set;
import org.rightsflow.deadline.RequestType;

/**
 * A registered system. Its YAML {@code definition} is the source of truth; name, owner group, kind, request types
 * and the active flag are copied out of it on every save so that lists and scoping are plain queries.
 */
@Entity
@Table(name = "connected_system")
class ConnectedSystem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "system_key", nullable = false, unique = true, updatable = false)
    private String key;

    @Column(nullable = false)
    private String name;

    @Column
    private String description;

    @Column(name = "owner_group", nullable = false)
    private String ownerGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConnectorKind kind;

    @Column
    private String instructions;

    @Column(nullable = false)
    private boolean active = true;

    @Column
    private String definition;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "connected_system_request_type", joinColumns = @JoinColumn(name = "system_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "request_type")
    private Set<RequestType> requestTypes = EnumSet.noneOf(RequestType.class);

    protected ConnectedSystem() {
    }

    ConnectedSystem(SystemDefinition definition) {
        this.key = definition.key();
        apply(definition);
    }

    /** Copies a (validated) definition in; the key never changes. */
    void apply(SystemDefinition definition) {
        this.name = definition.name();
        this.description = definition.description();
        this.ownerGroup = definition.ownerGroup();
        this.kind = definition.kind();
        this.instructions = definition.instructions();
        this.active = definition.active();
        this.requestTypes = EnumSet.copyOf(definition.requestTypes());
        this.definition = SystemDefinitions.toYaml(definition);
    }

    boolean takesPartIn(RequestType type) {
        return active && requestTypes.contains(type);
    }

    SystemView toView() {
        Set<RequestType> types = requestTypes.isEmpty() ? EnumSet.noneOf(RequestType.class) : EnumSet.copyOf(requestTypes);
        return new SystemView(id, key, name, description, ownerGroup, kind, types, instructions, active);
    }

    /** The definition's text as stored; blank for a system registered before definitions existed. */
    String storedDefinition() {
        return definition == null ? "" : definition;
    }

    /** The definition; systems registered before definitions existed read as the manual system they were. */
    SystemDefinition definition() {
        if (definition != null) {
            return SystemDefinitions.parseSingle("system " + key, definition);
        }
        return SystemDefinitions.parseSingle("system " + key, SystemDefinitions.toYaml(SystemDefinitions.manual(key,
                name, description, ownerGroup, requestTypes, instructions, active)));
    }

    Long id() {
        return id;
    }

    String key() {
        return key;
    }

    String name() {
        return name;
    }
}
