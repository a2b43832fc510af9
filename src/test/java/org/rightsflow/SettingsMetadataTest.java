package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every {@code rightsflow.*} setting that the shipped configuration names is declared in the metadata the
 * configuration processor writes from the properties records, with a description: a setting cannot be read without
 * a record saying what it is.
 */
class SettingsMetadataTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everySettingOfTheShippedConfigurationIsDeclared() throws IOException {
        Map<String, JsonNode> declared = declaredSettings();
        List<String> undeclared = new ArrayList<>();
        for (Path file : applicationFiles()) {
            try (Reader in = Files.newBufferedReader(file)) {
                for (Object document : new Yaml().loadAll(in)) {
                    undeclared.addAll(undeclared(settings(document), declared).stream()
                            .map(key -> file.getFileName() + ": " + key).toList());
                }
            }
        }
        assertThat(undeclared).as("rightsflow.* keys without a properties record").isEmpty();
    }

    @Test
    void aKeyNoRecordDeclaresIsFound() throws IOException {
        Object document = new Yaml().load("""
                rightsflow:
                  public-url: http://localhost:8080
                  lookback: {CCPA: P12M}
                  limits:
                    request-form: {per-client: 10, per-tenant: 4}
                  made-up: 1
                """);

        assertThat(undeclared(settings(document), declaredSettings()))
                .containsExactly("rightsflow.limits.request-form.per-tenant", "rightsflow.made-up");
    }

    @Test
    void everyDeclaredSettingSaysWhatItIs() throws IOException {
        assertThat(declaredSettings().entrySet()).allSatisfy(setting -> assertThat(setting.getValue().path("description")
                .asText()).as(setting.getKey()).isNotBlank());
    }

    private static List<Path> applicationFiles() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().matches("application.*\\.ya?ml"))
                    .sorted().toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    /** The rightsflow.* properties of every metadata file on the class path (ours is the only one that has any). */
    private static Map<String, JsonNode> declaredSettings() throws IOException {
        Map<String, JsonNode> declared = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(SettingsMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("rightsflow.")) {
                        declared.put(name, property);
                    }
                }
            }
        }
        assertThat(declared).as("the configuration processor's metadata").isNotEmpty();
        return declared;
    }

    /** Each rightsflow.* key of a YAML document, as the dotted path to its value (a list is one value). */
    private static TreeSet<String> settings(Object document) {
        TreeSet<String> keys = new TreeSet<>();
        if (document instanceof Map<?, ?> root && root.get("rightsflow") != null) {
            collect("rightsflow", root.get("rightsflow"), keys);
        }
        return keys;
    }

    private static void collect(String path, Object value, TreeSet<String> keys) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, child) -> collect(path + "." + key, child, keys));
        } else {
            keys.add(path);
        }
    }

    /** A key is declared as itself, or under a declared map (rightsflow.lookback.CCPA under rightsflow.lookback). */
    private static List<String> undeclared(TreeSet<String> keys, Map<String, JsonNode> declared) {
        return keys.stream().filter(key -> !declared.containsKey(key) && declared.entrySet().stream()
                .noneMatch(setting -> key.startsWith(setting.getKey() + ".")
                        && setting.getValue().path("type").asText().startsWith("java.util.Map<"))).toList();
    }
}
