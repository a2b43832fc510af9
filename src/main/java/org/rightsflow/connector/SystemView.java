package org.rightsflow.connector;

import java.util.Set;
import org.rightsflow.deadline.RequestType;

/** A connected system as the rest of the application sees it. */
public record SystemView(long id, String key, String name, String description, String ownerGroup, ConnectorKind kind,
                         Set<RequestType> requestTypes, String instructions, boolean active) {
}
