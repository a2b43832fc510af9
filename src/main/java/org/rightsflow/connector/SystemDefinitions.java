package org.rightsflow.connector;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.YamlNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads and writes system definitions as YAML, the format companies keep in git next to their BPMN
 * (docs/connected-systems.md). Reading is strict: an unknown key, a missing field or a plain-text secret is an
 * error naming its path, and nothing is half-imported.
 */
public final class SystemDefinitions {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String[] SYSTEM_KEYS = {"key", "name", "description", "ownerGroup", "kind", "requestTypes",
            "active", "instructions", "erasure", "correctableFields", "personalData", "connection", "dataset"};
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private SystemDefinitions() {
    }

    /** A document with {@code systems: [...]}. Kind-specific parts are checked by the caller's connectors. */
    public static List<SystemDefinition> parseDocument(String origin, String yaml) {
        YamlNode root = YamlNode.parse(origin, new StringReader(yaml));
        root.allowOnly("systems");
        List<SystemDefinition> systems = new ArrayList<>();
        for (YamlNode node : root.nodeList("systems")) {
            SystemDefinition system = parseSystem(node);
            if (systems.stream().anyMatch(s -> s.key().equals(system.key()))) {
                throw node.error("key", "'" + system.key() + "' is defined twice");
            }
            systems.add(system);
        }
        if (systems.isEmpty()) {
            throw root.error("systems", "the document defines no system");
        }
        return systems;
    }

    /** One system's mapping, as written under {@code systems:} or edited alone in the staff UI. */
    public static SystemDefinition parseSingle(String origin, String yaml) {
        return parseSystem(YamlNode.parse(origin, new StringReader(yaml)));
    }

    static SystemDefinition parseSystem(YamlNode node) {
        node.allowOnly(SYSTEM_KEYS);
        String key = node.string("key");
        if (!KEY.matcher(key).matches()) {
            throw node.error("key", "use lower-case letters, digits and dashes (at most 64), e.g. shop-db");
        }
        String kindName = node.string("kind");
        ConnectorKind kind = ConnectorKind.fromYamlName(kindName).orElseThrow(() -> node.error("kind",
                "'" + kindName + "' is not one of manual, sql, http, processor-email"));
        Set<RequestType> types = node.enumSet("requestTypes", RequestType.class);
        if (types.isEmpty()) {
            throw node.error("requestTypes", "list the request types this system takes part in");
        }
        boolean autoApprove = false;
        if (node.has("erasure")) {
            YamlNode erasure = node.node("erasure");
            erasure.allowOnly("autoApprove");
            autoApprove = erasure.bool("autoApprove", false);
        }
        YamlNode connection = node.optionalNode("connection").orElse(null);
        YamlNode dataset = node.optionalNode("dataset").orElse(null);
        if (kind != ConnectorKind.MANUAL && connection == null) {
            throw node.error("connection", "required for a " + kind.yamlName() + " system");
        }
        if (kind == ConnectorKind.PROCESSOR_EMAIL) {
            ProcessorEmailSettings.from(connection);
        }
        return new SystemDefinition(key, node.string("name"), node.optionalString("description", null),
                node.string("ownerGroup"), kind, types, node.bool("active", true),
                node.optionalString("instructions", null), autoApprove, correctableFields(node, kind),
                personalData(node), connection, dataset,
                new LinkedHashMap<>(node.asMap()));
    }

    private static Set<String> correctableFields(YamlNode system, ConnectorKind kind) {
        if (!system.has("correctableFields")) {
            return Set.of();
        }
        if (kind == ConnectorKind.SQL) {
            throw system.error("correctableFields", "an sql system names its correctable fields with 'correct' on the "
                    + "tables of its dataset, where each field's column is");
        }
        Set<String> fields = new java.util.LinkedHashSet<>();
        for (String field : system.stringList("correctableFields")) {
            if (!FIELD.matcher(field).matches()) {
                throw system.error("correctableFields", "'" + field + "' is not a field name (1 to 64 letters, "
                        + "digits, '_', '.' or '-', e.g. first_name)");
            }
            fields.add(field);
        }
        return fields;
    }

    private static PersonalDataDescription personalData(YamlNode system) {
        if (!system.has("personalData")) {
            return PersonalDataDescription.none();
        }
        YamlNode node = system.node("personalData");
        node.allowOnly("categories", "purposes", "recipients", "retention", "source", "automatedDecisions");
        List<PersonalDataDescription.Recipient> recipients = new ArrayList<>();
        for (YamlNode recipient : node.nodeList("recipients")) {
            recipient.allowOnly("name", "country", "role");
            recipients.add(new PersonalDataDescription.Recipient(recipient.string("name"),
                    recipient.optionalString("country", null), recipient.optionalString("role", null)));
        }
        return new PersonalDataDescription(node.stringList("categories"), node.stringList("purposes"), recipients,
                node.optionalString("retention", null), node.optionalString("source", null),
                node.optionalString("automatedDecisions", null));
    }

    /** A manual system from its parts, e.g. for a registry entry made before definitions existed. */
    public static SystemDefinition manual(String key, String name, String description, String ownerGroup,
                                          Set<RequestType> types, String instructions, boolean active) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("key", key);
        source.put("name", name);
        if (description != null) {
            source.put("description", description);
        }
        source.put("ownerGroup", ownerGroup);
        source.put("kind", ConnectorKind.MANUAL.yamlName());
        source.put("requestTypes", types.stream().map(Enum::name).sorted().toList());
        source.put("active", active);
        if (instructions != null) {
            source.put("instructions", instructions);
        }
        return parseSingle("system " + key, yaml().dump(source));
    }

    /** The definitions as one YAML document, exactly as they were written (secrets stay references). */
    public static String toYaml(List<SystemDefinition> systems) {
        List<Map<String, Object>> sources = systems.stream().map(SystemDefinition::source).toList();
        return yaml().dump(Map.of("systems", sources));
    }

    /** One definition alone, for the staff editor. */
    public static String toYaml(SystemDefinition system) {
        return toYaml(system.source());
    }

    static String toYaml(Map<String, Object> source) {
        return yaml().dump(source);
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setPrettyFlow(true);
        options.setWidth(120);
        return new Yaml(options);
    }
}
