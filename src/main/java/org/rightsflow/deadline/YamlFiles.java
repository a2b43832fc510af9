package org.rightsflow.deadline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.rightsflow.support.StrictBinding;

/**
 * Reads the module's data files ({@code regimes.yml}, the holiday calendars) with Jackson's YAML parser and binds
 * them into records through {@link StrictBinding}: an unknown key, a value of the wrong kind or a broken constraint
 * is an {@link IllegalArgumentException} naming the file and the path, e.g.
 * {@code policies.yml: regimes.CCPA.general.response.unit: 'WEEKS' is not one of BUSINESS_DAYS, CALENDAR_DAYS, MONTHS}.
 * A bad data file must stop start-up with a message an operator can act on, never load half-right. The files hold
 * rules, not personal data, so a message may quote the value it refuses.
 */
final class YamlFiles {

    /**
     * Duplicate keys refused: the second {@code calendar:} of a regime would otherwise silently win. Dates stay text
     * (Jackson's YAML parser does not turn {@code 2026-12-25} into a timestamp); the records parse them as LocalDate.
     */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final String REQUIRED = "required but missing";
    /** For {@code @Pattern}: text with at least one character that is not white space. */
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String BLANK = "is blank; expected non-empty text";

    private YamlFiles() {
    }

    /** Where a value is in a data file, for the messages of the rules checked after binding. */
    record Where(String origin, String path) {

        Where at(String key) {
            return new Where(origin, path.isEmpty() ? key : path + "." + key);
        }

        Where index(int index) {
            return new Where(origin, path + "[" + index + "]");
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(origin + ": " + (path.isEmpty() ? "" : path + ": ") + message);
        }
    }

    /**
     * The constant a mapping key names, e.g. the regime under {@code regimes:}. Keys are bound as text and named
     * here because Jackson's message for a bad enum key names the mapping, not the key.
     */
    static <E extends Enum<E>> E constant(Where where, String name, Class<E> type, String kind) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw where.error("'" + name + "' is not " + kind + "; expected one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).sorted().toList()));
        }
    }

    static <T> T bindClasspath(String resource, Class<T> type) {
        String origin = "classpath:" + resource;
        InputStream in = YamlFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException(origin + ": resource not found");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return bind(origin, reader, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static <T> T bindFile(Path file, Class<T> type) {
        String origin = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(origin + ": file not found (or not a regular file)");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return bind(origin, reader, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The document as a {@code type}; {@code origin} (a file name) starts every error message. */
    static <T> T bind(String origin, Reader reader, Class<T> type) throws IOException {
        JsonNode tree;
        try {
            tree = YAML.readTree(reader);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getOriginalMessage() + at, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(origin + ": expected a YAML mapping (key: value lines) at the top "
                    + "level, found " + (tree == null || tree.isMissingNode() || tree.isNull() ? "nothing"
                    : tree.isArray() ? "a list" : "'" + tree.asText() + "'"));
        }
        try {
            return StrictBinding.bind(tree, type);
        } catch (StrictBinding.BindingException e) {
            StrictBinding.Problem problem = e.problem();
            Where where = new Where(origin, problem.path());
            if (problem.unknownKey() != null) {
                throw where.at(problem.unknownKey()).error("unknown key '" + problem.unknownKey()
                        + "'; allowed keys here: " + String.join(", ", problem.allowed()));
            }
            throw where.error(problem.value() == null ? problem.message()
                    : "'" + problem.value() + "' " + problem.message());
        }
    }
}
