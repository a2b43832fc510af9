package org.rightsflow.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Parses names of the API's vocabularies, listing the allowed values when a name is unknown. */
final class ApiValues {

    private ApiValues() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
    }

    /** The parsed value, or null with a problem added for the field. */
    static <E extends Enum<E>> E require(Class<E> type, String field, String value, List<FieldProblem> problems) {
        Optional<E> parsed = parse(type, value);
        if (parsed.isEmpty()) {
            problems.add(new FieldProblem(field, value == null || value.isBlank() ? "is required"
                    : "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
        return parsed.get();
    }
}
