package org.rightsflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * A value in a YAML document (a mapping, list, text, number, boolean, or null where nothing is written) and where it
 * is: the file and the path ({@code shop.yml: systems[0].dataset.children[1].erasure}). Every YAML Rightsflow reads
 * goes through here: the system definitions and the deadline module's data files. It is bound into records
 * with {@link StrictBinding}; every problem, the document's own or a rule the caller checks, is an
 * IllegalArgumentException naming the file and path, so that a bad definition stops with a message an operator can
 * act on and nothing loads half-right.
 *
 * @param origin the file or source named in messages, e.g. {@code shop.yml}
 * @param path   from the document's root; empty for the root
 * @param value  the value as parsed, or null when the document has nothing here
 */
public record YamlTree(String origin, String path, Object value) {

    /** The message for a value that must be written and is not, as {@code @NotNull(message = REQUIRED)}. */
    public static final String REQUIRED = "required but missing";

    /**
     * Parses a document whose top level is a mapping. SnakeYAML parses (aliases resolved as YAML defines them);
     * Jackson, through {@link StrictBinding}, binds.
     */
    public static YamlTree parse(String origin, String text) {
        Object root;
        try {
            root = newYaml().load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(origin + ": expected a YAML mapping (key: value lines) at the top "
                    + "level");
        }
        return new YamlTree(origin, "", root);
    }

    /** A document in a file; the file's name starts every message. */
    public static YamlTree parseFile(Path file) {
        String origin = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(origin + ": file not found (or not a regular file)");
        }
        try {
            return parse(origin, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A document shipped on the classpath ({@code deadline/regimes.yml}), named {@code classpath:...} in messages. */
    public static YamlTree parseResource(String resource) {
        String origin = "classpath:" + resource;
        try (InputStream in = YamlTree.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(origin + ": resource not found");
            }
            return parse(origin, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * SafeConstructor (no arbitrary types), duplicate keys refused, and no implicit timestamps: SnakeYAML would turn
     * {@code 2026-12-25} into a java.util.Date at UTC midnight; a date stays text and its reader parses it.
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

    /** The value under {@code key}; its value is null when this is no mapping or the key is absent. */
    public YamlTree at(String key) {
        Object child = value instanceof Map<?, ?> map ? map.get(key) : null;
        return new YamlTree(origin, path.isEmpty() ? key : path + "." + key, child);
    }

    /** The item at {@code index}; its value is null when this is no list or too short. */
    public YamlTree index(int index) {
        Object child = value instanceof List<?> list && index < list.size() ? list.get(index) : null;
        return new YamlTree(origin, path + "[" + index + "]", child);
    }

    public boolean isPresent() {
        return value != null;
    }

    /**
     * The value as a {@code type}: unknown keys refused naming the keys allowed there, then the constraints checked.
     * A text value that breaks a constraint is quoted unless blank (write such messages as a predicate: "is not an
     * email address"); other values are not (write "at most 10000"). Never put a constraint on a field that may hold a
     * secret: bind it as a plain Object and read it with the secret reader.
     */
    public <T> T bind(Class<T> type) {
        try {
            return StrictBinding.bind(value, type);
        } catch (StrictBinding.BindingException e) {
            StrictBinding.Problem problem = e.problem();
            YamlTree at = below(problem.path());
            if (problem.unknownKey() != null) {
                throw at.error(problem.unknownKey(), "unknown key '" + problem.unknownKey() + "'; allowed keys here: "
                        + String.join(", ", problem.allowed()));
            }
            throw at.error(problem.value() instanceof String text && !text.isBlank()
                    ? "'" + text + "' " + problem.message() : problem.message());
        }
    }

    /** Where a binding problem is, below this value: {@code children[0].erasure}, or {@code [2]} below a list. */
    private YamlTree below(String subPath) {
        if (subPath.isEmpty()) {
            return this;
        }
        String joined = path.isEmpty() || subPath.startsWith("[") ? path + subPath : path + "." + subPath;
        return new YamlTree(origin, joined, null);
    }

    /**
     * The constant that {@code key}, a key of this mapping, names (the regime under {@code regimes:}). Such keys are
     * bound as text and checked here, because Jackson's message for a bad enum key names the mapping, not the key.
     *
     * @param kind what the constants are, for the message: "'GDRP' is not a regime; expected one of ..."
     */
    public <E extends Enum<E>> E keyConstant(String key, Class<E> type, String kind) {
        return EnumNames.parse(type, key).orElseThrow(() -> error(key, "'" + key + "' is not " + kind
                + "; expected one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .sorted().toList())));
    }

    /** A problem with this value, prefixed with the file and path. */
    public IllegalArgumentException error(String message) {
        return new IllegalArgumentException(origin + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** A problem with the value under {@code key}. */
    public IllegalArgumentException error(String key, String message) {
        return at(key).error(message);
    }
}
