package org.rightsflow.connector;

/** How a request reaches a system. Only MANUAL exists until the connector issue adds the automated kinds. */
public enum ConnectorKind {
    /** A person in the owner group does the work and records what they did. */
    MANUAL
}
