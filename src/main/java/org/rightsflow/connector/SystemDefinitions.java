package org.rightsflow.connector;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.support.RequiredText;
import org.rightsflow.support.Text;
import org.rightsflow.support.YamlTree;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads and writes system definitions as YAML, the format companies keep in git next to their BPMN
 * (docs/connected-systems.md). Reading is strict: an unknown key, a missing field or a plain-text secret is an
 * error naming its path, and nothing is half-imported.
 */
public final class SystemDefinitions {

    private static final String FIELD = "[A-Za-z0-9_.-]{1,64}";
    private static final String LIST_THEM = "list the request types this system takes part in";

    private SystemDefinitions() {
    }

    /** A document of definitions; each system is bound on its own, so that its tree stays as written for export. */
    private record DocumentYaml(
            List<@NotNull(message = "expected a mapping (key: value lines)") Map<String, Object>> systems) {
    }

    /** One system as written (docs/connected-systems.md); connection and dataset are read by its connector. */
    private record SystemYaml(
            @NotNull(message = YamlTree.REQUIRED)
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "is not a system key: use lower-case letters, "
                    + "digits and dashes (at most 64), e.g. shop-db") String key,
            @RequiredText String name,
            Object description,
            @RequiredText String ownerGroup,
            @NotNull(message = YamlTree.REQUIRED) String kind,
            @NotEmpty(message = LIST_THEM) List<@NotNull(message = YamlTree.REQUIRED) RequestType> requestTypes,
            Boolean active,
            @Text String instructions,
            @Valid ErasureYaml erasure,
            List<@NotNull(message = YamlTree.REQUIRED) @Pattern(regexp = FIELD, message = "is not a field name (1 to "
                    + "64 letters, digits, '_', '.' or '-', e.g. first_name)") String> correctableFields,
            @Valid PersonalDataYaml personalData,
            Map<String, Object> connection,
            Map<String, Object> dataset) {
    }

    private record ErasureYaml(Boolean autoApprove) {
    }

    /**
     * {@code categories} and {@code tables} hold labels per language, the sentences (purposes, a recipient's role,
     * retention, source, automated decisions) texts per language: {@link DataLabels} reads both.
     */
    private record PersonalDataYaml(List<@NotNull(message = YamlTree.REQUIRED) Object> categories,
                                    Map<String, Object> tables,
                                    List<@NotNull(message = YamlTree.REQUIRED) Object> purposes,
                                    List<@NotNull(message = "expected a mapping (key: value lines)") @Valid
                                            RecipientYaml> recipients,
                                    Object retention,
                                    Object source,
                                    Object automatedDecisions) {
    }

    private record RecipientYaml(
            @RequiredText String name,
            @Text String country,
            Object role) {
    }

    /** A document with {@code systems: [...]}. Kind-specific parts are checked by the caller's connectors. */
    public static List<SystemDefinition> parseDocument(String origin, String yaml) {
        YamlTree root = YamlTree.parse(origin, yaml);
        DocumentYaml document = root.bind(DocumentYaml.class);
        int count = document.systems() == null ? 0 : document.systems().size();
        if (count == 0) {
            throw root.error("systems", "the document defines no system");
        }
        List<SystemDefinition> systems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            YamlTree node = root.at("systems").index(i);
            SystemDefinition system = parseSystem(node);
            if (systems.stream().anyMatch(s -> s.key().equals(system.key()))) {
                throw node.error("key", "'" + system.key() + "' is defined twice");
            }
            systems.add(system);
        }
        return systems;
    }

    /** One system's mapping, as written under {@code systems:} or edited alone in the staff UI. */
    public static SystemDefinition parseSingle(String origin, String yaml) {
        return parseSystem(YamlTree.parse(origin, yaml));
    }

    /**
     * One system's mapping with its owner group chosen beside the text (the staff page's list of groups): the group
     * replaces the {@code ownerGroup} the text has, or stands for the one it leaves out. Null or blank: the text's.
     */
    public static SystemDefinition parseSingle(String origin, String yaml, String ownerGroup) {
        if (ownerGroup == null || ownerGroup.isBlank()) {
            return parseSingle(origin, yaml);
        }
        YamlTree root = YamlTree.parse(origin, yaml);
        if (!(root.value() instanceof Map<?, ?> system)) {
            return parseSystem(root);
        }
        return parseSystem(YamlTree.parse(origin, toYaml(withOwner(system, ownerGroup))));
    }

    /**
     * A document of definitions with one owner group for all of them (the import page's list of groups), in place
     * of each definition's {@code ownerGroup}. Null or blank: each definition's own.
     */
    public static List<SystemDefinition> parseDocument(String origin, String yaml, String ownerGroup) {
        if (ownerGroup == null || ownerGroup.isBlank()) {
            return parseDocument(origin, yaml);
        }
        YamlTree root = YamlTree.parse(origin, yaml);
        if (!(root.value() instanceof Map<?, ?> document) || !(document.get("systems") instanceof List<?> systems)) {
            return parseDocument(origin, yaml);
        }
        List<Object> changed = new ArrayList<>();
        for (Object system : systems) {
            changed.add(system instanceof Map<?, ?> map ? withOwner(map, ownerGroup) : system);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        document.forEach((key, value) -> copy.put(String.valueOf(key), value));
        copy.put("systems", changed);
        return parseDocument(origin, yaml().dump(copy));
    }

    private static Map<String, Object> withOwner(Map<?, ?> system, String ownerGroup) {
        Map<String, Object> copy = new LinkedHashMap<>();
        system.forEach((key, value) -> copy.put(String.valueOf(key), value));
        copy.put("ownerGroup", ownerGroup.strip());
        return copy;
    }

    private static SystemDefinition parseSystem(YamlTree node) {
        SystemYaml yaml = node.bind(SystemYaml.class);
        ConnectorKind kind = ConnectorKind.fromYamlName(yaml.kind().strip()).orElseThrow(() -> node.error("kind",
                "'" + yaml.kind() + "' is not one of manual, sql, http, processor-email"));
        Set<RequestType> types = EnumSet.noneOf(RequestType.class);
        for (RequestType type : yaml.requestTypes()) {
            if (!types.add(type)) {
                throw node.error("requestTypes", type + " is listed twice");
            }
        }
        YamlTree connection = node.at("connection").isPresent() ? node.at("connection") : null;
        YamlTree dataset = node.at("dataset").isPresent() ? node.at("dataset") : null;
        if (kind != ConnectorKind.MANUAL && connection == null) {
            throw node.error("connection", "required for a " + kind.yamlName() + " system");
        }
        if (kind == ConnectorKind.PROCESSOR_EMAIL) {
            ProcessorEmailSettings.from(connection);
        }
        boolean autoApprove = yaml.erasure() != null && Boolean.TRUE.equals(yaml.erasure().autoApprove());
        @SuppressWarnings("unchecked")
        Map<String, Object> source = new LinkedHashMap<>((Map<String, Object>) node.value());
        Words description = DataLabels.text(node.at("description"));
        return new SystemDefinition(yaml.key(), yaml.name().strip(), first(description),
                yaml.ownerGroup().strip(), kind, types, yaml.active() == null || yaml.active(),
                stripped(yaml.instructions()), autoApprove, correctableFields(node, yaml, kind),
                personalData(yaml.personalData(), node.at("personalData"), description), connection, dataset, source);
    }

    private static Set<String> correctableFields(YamlTree system, SystemYaml yaml, ConnectorKind kind) {
        if (yaml.correctableFields() == null) {
            return Set.of();
        }
        if (kind == ConnectorKind.SQL) {
            throw system.error("correctableFields", "an sql system names its correctable fields with 'correct' on the "
                    + "tables of its dataset, where each field's column is");
        }
        return new LinkedHashSet<>(yaml.correctableFields());
    }

    /**
     * The description of the data, its sentences in each language written ({@link DataLabels.SystemTexts}); the
     * first language's text is also the one staff read.
     */
    private static PersonalDataDescription personalData(PersonalDataYaml yaml, YamlTree node, Words description) {
        if (yaml == null) {
            DataLabels.SystemTexts texts = new DataLabels.SystemTexts(description, List.of(), List.of(), null, null,
                    null);
            return new PersonalDataDescription(List.of(), List.of(), List.of(), null, null, null,
                    new DataLabels(Map.of(), Map.of(), texts));
        }
        DataLabels labels = DataLabels.read(node);
        List<Words> purposes = new ArrayList<>();
        for (int i = 0; yaml.purposes() != null && i < yaml.purposes().size(); i++) {
            purposes.add(DataLabels.text(node.at("purposes").index(i)));
        }
        List<Words> roles = new ArrayList<>();
        List<PersonalDataDescription.Recipient> recipients = new ArrayList<>();
        for (int i = 0; yaml.recipients() != null && i < yaml.recipients().size(); i++) {
            RecipientYaml recipient = yaml.recipients().get(i);
            Words role = DataLabels.text(node.at("recipients").index(i).at("role"));
            roles.add(role);
            recipients.add(new PersonalDataDescription.Recipient(recipient.name().strip(),
                    stripped(recipient.country()), first(role)));
        }
        Words retention = DataLabels.text(node.at("retention"));
        Words source = DataLabels.text(node.at("source"));
        Words automated = DataLabels.text(node.at("automatedDecisions"));
        DataLabels.SystemTexts texts = new DataLabels.SystemTexts(description, purposes, roles, retention, source,
                automated);
        return new PersonalDataDescription(List.copyOf(labels.categories().keySet()),
                purposes.stream().map(Words::first).toList(), recipients, first(retention), first(source),
                first(automated), new DataLabels(labels.tables(), labels.categories(), texts));
    }

    private static String first(Words words) {
        return words == null ? null : words.first();
    }

    /** Texts as the reader sees them: quoted values may carry spaces at either end. */
    private static String stripped(String text) {
        return text == null ? null : text.strip();
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

    public static String toYaml(Map<String, Object> source) {
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
