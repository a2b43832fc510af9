package org.rightsflow.api;

import java.util.List;
import java.util.Optional;
import org.rightsflow.support.EnumNames;

/** Parses names of the API's vocabularies, listing the allowed values when a name is unknown. */
final class ApiValues {

    private ApiValues() {
    }

    /** The parsed value, or null with a problem added for the field. */
    static <E extends Enum<E>> E require(Class<E> type, String field, String value, List<FieldProblem> problems) {
        Optional<E> parsed = EnumNames.parse(type, value);
        if (parsed.isEmpty()) {
            problems.add(new FieldProblem(field, value == null || value.isBlank() ? "is required"
                    : "must be one of " + EnumNames.names(type)));
            return null;
        }
        return parsed.get();
    }
}
