package org.rightsflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML mapping read strictly, with error messages that name the file and the path of the offending value
 * ({@code regimes.yml: regimes.CCPA.general.response.unit: ...}). Every error is an {@link IllegalArgumentException}:
 * a bad data file must stop start-up with a message an operator can act on, never load half-right.
 */
public final class YamlNode {

    private final String origin;
    private final String path;
    private final Map<String, Object> values;

    private YamlNode(String origin, String path, Map<String, Object> values) {
        this.origin = origin;
        this.path = path;
        this.values = values;
    }

    public static YamlNode parseFile(Path file) {
        String origin = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(origin + ": file not found (or not a regular file)");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(origin, reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static YamlNode parseClasspath(String resource) {
        String origin = "classpath:" + resource;
        InputStream in = YamlNode.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException(origin + ": resource not found");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(origin, reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static YamlNode parse(String origin, Reader reader) {
        Object root;
        try {
            root = newYaml().load(reader);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(origin + ": expected a YAML mapping (key: value lines) at the top level, found "
                    + describe(root));
        }
        return new YamlNode(origin, "", stringKeys(origin, "", map));
    }

    /**
     * SafeConstructor (no arbitrary types), duplicate keys rejected, and no implicit timestamps: SnakeYAML would turn
     * {@code 2026-12-25} into a java.util.Date at UTC midnight; we want the text and parse it as a LocalDate ourselves.
     */
    private static Yaml newYaml() {
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setAllowDuplicateKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(loaderOptions), new Representer(dumperOptions), dumperOptions,
                loaderOptions, new ResolverWithoutTimestamps());
    }

    private static final class ResolverWithoutTimestamps extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first);
            }
        }

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    public String origin() {
        return origin;
    }

    /** An error about this node (or one of its keys), prefixed with the file and path. */
    public IllegalArgumentException error(String message) {
        return new IllegalArgumentException(origin + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    public IllegalArgumentException error(String key, String message) {
        return new IllegalArgumentException(origin + ": " + pathOf(key) + ": " + message);
    }

    /** Rejects keys other than the given ones, so that a misspelt key is an error rather than a silently ignored setting. */
    public void allowOnly(String... allowedKeys) {
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(allowedKeys));
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw error(key, "unknown key '" + key + "'; allowed keys here: " + String.join(", ", allowed));
            }
        }
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public String string(String key) {
        Object value = required(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw error(key, "expected non-empty text, found " + describe(value));
        }
        return text.strip();
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean flag)) {
            throw error(key, "expected true or false, found " + describe(value));
        }
        return flag;
    }

    /** Text under the key, or the fallback when the key is absent. */
    public String optionalString(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    /** A list of non-empty texts; a missing key gives an empty list. */
    public List<String> stringList(String key) {
        List<String> result = new ArrayList<>();
        for (Object item : list(key)) {
            if (!(item instanceof String text) || text.isBlank()) {
                throw error(key, "expected a list of non-empty texts, found item " + describe(item));
            }
            result.add(text.strip());
        }
        return result;
    }

    /** One text or a list of texts ({@code key: id} or {@code key: [order_id, line_no]}); a missing key gives an empty list. */
    public List<String> stringOrList(String key) {
        Object value = values.get(key);
        if (value instanceof String) {
            return List.of(string(key));
        }
        return stringList(key);
    }

    /** The raw value under the key (a mapping, list, text, number, boolean), or null. */
    public Object raw(String key) {
        return values.get(key);
    }

    /** The mapping as read (unmodifiable), e.g. to write it back out. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** This node's path from the document root, e.g. {@code systems[2].dataset}. */
    public String path() {
        return path;
    }

    public int positiveInt(String key) {
        Object value = required(key);
        if (!(value instanceof Integer number) || number <= 0) {
            throw error(key, "expected a whole number greater than 0, found " + describe(value));
        }
        return number;
    }

    public LocalDate date(String key) {
        String text = string(key);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(key, "expected a date as YYYY-MM-DD, found '" + text + "'");
        }
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        return toEnum(key, string(key), type);
    }

    /** A list of enum names; a missing key or an empty list gives an empty set. */
    public <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        for (Object item : list(key)) {
            if (!(item instanceof String text)) {
                throw error(key, "expected a list of names, found item " + describe(item));
            }
            E value = toEnum(key, text.strip(), type);
            if (!result.add(value)) {
                throw error(key, value + " is listed twice");
            }
        }
        return result;
    }

    /** A mapping under the key, or empty when the key is absent or null. */
    public Optional<YamlNode> optionalNode(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(toNode(key, value));
    }

    public YamlNode node(String key) {
        return toNode(key, required(key));
    }

    /** A list of mappings; a missing key gives an empty list. */
    public List<YamlNode> nodeList(String key) {
        List<YamlNode> result = new ArrayList<>();
        List<?> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            result.add(toNode(key + "[" + i + "]", items.get(i)));
        }
        return result;
    }

    private List<?> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw error(key, "expected a list, found " + describe(value));
        }
        return items;
    }

    private Object required(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw error(key, "required but missing");
        }
        return value;
    }

    private YamlNode toNode(String key, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw error(key, "expected a mapping (key: value lines), found " + describe(value));
        }
        return new YamlNode(origin, pathOf(key), stringKeys(origin, pathOf(key), map));
    }

    private <E extends Enum<E>> E toEnum(String key, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            Set<String> names = new TreeSet<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw error(key, "'" + text + "' is not one of " + String.join(", ", names));
        }
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Map<String, Object> stringKeys(String origin, String path, Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(origin + ": " + (path.isEmpty() ? "" : path + ": ")
                        + "keys must be text, found " + describe(entry.getKey()));
            }
            result.put(key, entry.getValue());
        }
        return result;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String) {
            return "'" + value + "'";
        }
        return value.getClass().getSimpleName().toLowerCase() + " " + value;
    }
}
