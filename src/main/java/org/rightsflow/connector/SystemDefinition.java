package org.rightsflow.connector;

import java.util.Map;
import java.util.Set;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.YamlTree;

/**
 * A connected system as its definition describes it: who owns it, what it takes part in, what personal data it
 * holds, and how to reach it. The kind-specific parts ({@code connection}, {@code dataset}) stay as YAML trees for
 * the connector of that kind to bind; null when the definition has none. {@code source} is the definition as
 * written, for export.
 *
 * @param autoApproveErasure whether an erasure runs right after its dry run, without a person approving the plan
 * @param correctableFields  the fields of a correction request a manual, processor or http system can change, as
 *                           its definition lists them; empty when it does not say (it then receives every accepted
 *                           correction). An sql system declares them in its dataset instead.
 */
public record SystemDefinition(String key, String name, String description, String ownerGroup, ConnectorKind kind,
                               Set<RequestType> requestTypes, boolean active, String instructions,
                               boolean autoApproveErasure, Set<String> correctableFields,
                               PersonalDataDescription personalData, YamlTree connection,
                               YamlTree dataset, Map<String, Object> source) {

    public SystemDefinition {
        correctableFields = Set.copyOf(correctableFields);
    }

    public boolean takesPartIn(RequestType type) {
        return active && requestTypes.contains(type);
    }

    @Override
    public String toString() {
        return "SystemDefinition[" + key + ", " + kind.yamlName() + "]";
    }
}
