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

@Entity
@Table(name = "connected_system")
class ConnectedSystem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "system_key", nullable = false, unique = true)
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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "connected_system_request_type", joinColumns = @JoinColumn(name = "system_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "request_type")
    private Set<RequestType> requestTypes = EnumSet.noneOf(RequestType.class);

    protected ConnectedSystem() {
    }

    ConnectedSystem(String key, String name, String description, String ownerGroup, ConnectorKind kind,
                    Set<RequestType> requestTypes, String instructions) {
        this.key = key;
        this.name = name;
        this.description = description;
        this.ownerGroup = ownerGroup;
        this.kind = kind;
        this.requestTypes = EnumSet.copyOf(requestTypes);
        this.instructions = instructions;
    }

    boolean takesPartIn(RequestType type) {
        return active && requestTypes.contains(type);
    }

    SystemView toView() {
        Set<RequestType> types = requestTypes.isEmpty() ? EnumSet.noneOf(RequestType.class) : EnumSet.copyOf(requestTypes);
        return new SystemView(id, key, name, description, ownerGroup, kind, types, instructions, active);
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }
}
