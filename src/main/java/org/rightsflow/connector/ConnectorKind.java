package org.rightsflow.connector;

import java.util.Arrays;
import java.util.Optional;

/** How a request reaches a system; {@link #yamlName()} is how system definitions spell it. */
public enum ConnectorKind {
    /** A person in the owner group does the work and records what they did (and may upload what they found). */
    MANUAL("manual"),
    /** A relational database reached over JDBC, driven by a dataset mapping. */
    SQL("sql"),
    /** A service of the company's that exposes signed HTTP endpoints per action, answering at once or by callback. */
    HTTP("http"),
    /** A third party (processor, service provider) told by email, confirming by a one-time link. */
    PROCESSOR_EMAIL("processor-email");

    private final String yamlName;

    ConnectorKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Whether Rightsflow does the work itself (sql, http) rather than a person or a third party. */
    public boolean isAutomated() {
        return this == SQL || this == HTTP;
    }

    public static Optional<ConnectorKind> fromYamlName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.yamlName.equals(name)).findFirst();
    }
}
