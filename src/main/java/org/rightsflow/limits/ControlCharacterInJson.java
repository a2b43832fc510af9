package org.rightsflow.limits;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/**
 * A JSON string that breaks {@link ControlCharacters}. Jackson adds the path as the exception travels out of the
 * nested objects, so {@link #field()} names the field as a client wrote it ({@code subject.name}).
 */
public class ControlCharacterInJson extends JsonMappingException {

    ControlCharacterInJson(JsonParser parser) {
        super(parser, ControlCharacters.MESSAGE);
    }

    /** The field's path in the body, e.g. {@code subject.name} or {@code optOuts[3].email}. */
    public String field() {
        return getPath().stream().map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    public String problem() {
        return ControlCharacters.MESSAGE;
    }
}
