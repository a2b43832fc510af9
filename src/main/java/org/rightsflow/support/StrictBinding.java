package org.rightsflow.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Collection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Binds a parsed document (a YAML tree or JSON) into records with Jackson and checks them with Bean Validation,
 * strictly: an unknown key, a value of the wrong type or a broken constraint is a {@link Problem} that names the
 * path of the mistake ({@code children[0].erasure.columns.phone}). The caller turns it into its own message, with
 * its file name or without quoting anything (a JSON body from outside may hold personal data).
 */
public final class StrictBinding {

    /**
     * No coercion: {@code 1.5} is not a count, {@code 5} is not a text, {@code "3"} is not a number, and {@code 1} is
     * not the second constant of an enum.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** Messages are written in the constraints themselves; no expression language is needed to render them. */
    private static final Validator VALIDATOR;

    static {
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        VALIDATOR = factory.getValidator();
    }

    /**
     * One mistake in a bound document.
     *
     * @param path       where, from the bound root ({@code children[0].foreignKey}); empty for the root itself
     * @param unknownKey the key that is not allowed at {@code path}, or null when the mistake is another one
     * @param allowed    for an unknown key, the keys allowed there (sorted); empty otherwise
     * @param message    what is wrong, e.g. "required but missing"; for an unknown key, "an unknown key"
     * @param value      the offending value as written (for a constraint), or null; never put it into a message
     *                   that can reach a log unless the document is known to hold no personal data
     */
    public record Problem(String path, String unknownKey, List<String> allowed, String message, Object value) {
    }

    /** A document that does not bind, with its first problem. */
    public static final class BindingException extends RuntimeException {
        private final transient Problem problem;

        BindingException(Problem problem) {
            super(problem.path() + ": " + problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private StrictBinding() {
    }

    /**
     * The tree (maps, lists, texts, numbers, booleans as a YAML parser or Jackson's tree gives them) as a
     * {@code type}, after its constraints have been checked.
     *
     * @throws BindingException naming the first problem; with several broken constraints, the first by path
     */
    public static <T> T bind(Object tree, Class<T> type) {
        T bound;
        try {
            bound = MAPPER.convertValue(tree, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                throw new BindingException(problem(mapping));
            }
            throw e;
        }
        if (bound == null) {
            throw new BindingException(new Problem("", null, List.of(), "required but missing", null));
        }
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(bound);
        violations.stream()
                .map(v -> new Problem(path(v.getPropertyPath()), null, List.of(), v.getMessage(), v.getInvalidValue()))
                .min(Comparator.comparing(Problem::path).thenComparing(Problem::message))
                .ifPresent(problem -> {
                    throw new BindingException(problem);
                });
        return bound;
    }

    private static Problem problem(JsonMappingException e) {
        List<JsonMappingException.Reference> references = e.getPath();
        if (e instanceof UnrecognizedPropertyException unknown) {
            String parent = path(references.subList(0, references.size() - 1));
            Collection<Object> known = unknown.getKnownPropertyIds() == null ? List.of() : unknown.getKnownPropertyIds();
            List<String> allowed = List.copyOf(new TreeSet<>(known.stream().map(String::valueOf).toList()));
            return new Problem(parent, unknown.getPropertyName(), allowed, "an unknown key", null);
        }
        String path = path(references);
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum() && invalid.getValue() instanceof String) {
            List<String> names = new TreeSet<>(Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList()).stream().toList();
            return new Problem(path, null, List.of(), "is not one of " + String.join(", ", names), invalid.getValue());
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return new Problem(path, null, List.of(), expected(target), null);
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "not the expected kind of value";
        }
        if (target == String.class) {
            return "expected non-empty text";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "expected a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "expected true or false";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "expected a list";
        }
        if (target.isEnum()) {
            return "expected one of " + String.join(", ", Arrays.stream(target.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList());
        }
        return "expected a mapping (key: value)";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    path.append('.').append(node.getKey());
                }
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.toString();
    }
}
