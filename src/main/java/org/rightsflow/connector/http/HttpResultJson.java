package org.rightsflow.connector.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.LegalBasis;
import org.rightsflow.connector.TableReport;
import org.rightsflow.support.EnumNames;
import org.rightsflow.support.StrictBinding;

/**
 * The JSON a system answers with (a 200) or calls back with (docs/connected-systems.md, "The result"):
 *
 * <pre>
 * {"reference": "DSR-…", "action": "ERASE",                 (required in a callback, checked if present in a 200)
 *  "summary": "Deleted the customer's invoices profile.",    (required)
 *  "tables": [{"table": "invoices", "rowsFound": 3, "rowsDeleted": 3, "rowsUpdated": 0, "fieldsMasked": 0,
 *              "rowsRetained": 0, "fieldsRetained": 0, "retentionNotes": []}],
 *  "remaining": [ … same shape, ERASE only … ],
 *  "data": {"invoices": [{"number": "F-1", "total": 12.50}]}  (ACCESS only)}
 * </pre>
 *
 * Bound into records with Jackson and checked with Bean Validation ({@link StrictBinding}). Strict like the YAML
 * definitions: an unknown key is refused, because a misspelt {@code rowsDeleted} would
 * otherwise report an erasure as "0 rows" in the proof. Error messages name the JSON path and never quote anything
 * from the body, not even a key: the body may hold personal data.
 */
public final class HttpResultJson {

    /** A body that does not follow the documented shape. The message names the path and quotes nothing. */
    public static final class MalformedResultException extends IllegalArgumentException {
        MalformedResultException(String message) {
            super(message);
        }
    }

    /** A parsed callback: which request and action it is for, and the result. */
    public record Callback(String reference, ActionResult result) {
    }

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Amounts such as 12.50 stay exactly as sent in an access package (not 12.5, not a binary double).
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private HttpResultJson() {
    }

    /**
     * Reads the body of a callback ({@code POST {callbackUrl}}), after its signature has been verified.
     *
     * @throws MalformedResultException naming the first problem
     */
    public static Callback parseCallback(byte[] body) {
        JsonNode root = readObject(body);
        ResultBody result = bind(root);
        String reference = requiredText(result.reference(), "reference");
        String actionName = requiredText(result.action(), "action");
        ConnectorAction action = EnumNames.parse(ConnectorAction.class, actionName).orElseThrow(() ->
                new MalformedResultException("action: expected one of " + EnumNames.names(ConnectorAction.class)));
        return new Callback(reference, result(root, result, action));
    }

    /**
     * Reads the body of a 200 answer to a call for this action and request. {@code reference} and {@code action}
     * may be left out; when present they must match, so a mix-up on the receiver's side is caught.
     */
    static ActionResult parseAnswer(byte[] body, ConnectorAction action, String reference) {
        JsonNode root = readObject(body);
        ResultBody result = bind(root);
        if (result.reference() != null && !requiredText(result.reference(), "reference").equals(reference)) {
            throw new MalformedResultException("reference: does not match the request that was sent");
        }
        if (result.action() != null && !requiredText(result.action(), "action").equals(action.name())) {
            throw new MalformedResultException("action: does not match the action that was called (" + action + ")");
        }
        return result(root, result, action);
    }

    private static JsonNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedResultException("the body is empty; expected a JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // Only the position: Jackson's own message may quote the body.
            throw new MalformedResultException("not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new MalformedResultException("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResultException("expected a JSON object at the top level");
        }
        return root;
    }

    /**
     * The documented result, bound strictly. {@code data} is declared so that the key is allowed, but read from the
     * parsed tree: its records are the system's own, and their numbers must stay exactly as {@link #JSON} read them.
     */
    private record ResultBody(String reference, String action,
                              @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = TEXT) String summary,
                              List<@NotNull(message = OBJECT) @Valid TableBody> tables,
                              List<@NotNull(message = OBJECT) @Valid TableBody> remaining, JsonNode data) {
    }

    private record TableBody(@NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = TEXT) String table,
                             @PositiveOrZero(message = COUNT) Integer rowsFound,
                             @PositiveOrZero(message = COUNT) Integer rowsDeleted,
                             @PositiveOrZero(message = COUNT) Integer rowsUpdated,
                             @PositiveOrZero(message = COUNT) Integer fieldsMasked,
                             @PositiveOrZero(message = COUNT) Integer rowsRetained,
                             @PositiveOrZero(message = COUNT) Integer fieldsRetained,
                             List<@NotNull(message = TEXT) @Pattern(regexp = NOT_BLANK, message = TEXT) String> retentionNotes,
                             List<@NotNull(message = TEXT) @Pattern(regexp = NOT_BLANK, message = TEXT) String> maskedFields,
                             List<@NotNull(message = OBJECT) @Valid KeptBody> kept) {

        TableReport report() {
            return new TableReport(table.strip(), count(rowsFound), count(rowsDeleted), count(rowsUpdated),
                    count(fieldsMasked), count(rowsRetained), count(fieldsRetained),
                    retentionNotes == null ? List.of() : retentionNotes.stream().map(String::strip).toList(),
                    maskedFields == null ? List.of() : maskedFields.stream().map(String::strip).toList(),
                    kept == null ? List.of() : kept.stream().map(KeptBody::keeping).toList());
        }

        private static int count(Integer value) {
            return value == null ? 0 : value;
        }
    }

    /**
     * Something kept and why, for the subject's answer: the legal basis (a {@link LegalBasis} name), the company's
     * note, and the fields it covers (none: the whole records).
     */
    private record KeptBody(@NotNull(message = REQUIRED) LegalBasis basis,
                            @Pattern(regexp = NOT_BLANK, message = TEXT) String note,
                            List<@NotNull(message = TEXT) @Pattern(regexp = NOT_BLANK, message = TEXT) String> fields) {

        TableReport.Keeping keeping() {
            return new TableReport.Keeping(basis.name(), note == null ? null : note.strip(),
                    fields == null ? List.of() : fields.stream().map(String::strip).toList());
        }
    }

    private static final String REQUIRED = "required but missing";
    private static final String TEXT = "expected non-empty text";
    private static final String COUNT = "expected a whole number, 0 or more";
    private static final String OBJECT = "expected an object";
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private static ResultBody bind(JsonNode root) {
        try {
            return StrictBinding.bind(root, ResultBody.class);
        } catch (StrictBinding.BindingException e) {
            StrictBinding.Problem problem = e.problem();
            String where = problem.path().isEmpty() ? "top level" : problem.path();
            if (problem.unknownKey() != null) {
                // Not even the key is quoted: nothing from the body goes into a message (a key can be an email).
                throw new MalformedResultException(where + ": an unknown key; allowed here: "
                        + String.join(", ", problem.allowed()));
            }
            String message = problem.message().equals("expected a whole number") ? COUNT : problem.message();
            throw new MalformedResultException(where + ": " + message);
        }
    }

    private static ActionResult result(JsonNode root, ResultBody body, ConnectorAction action) {
        List<TableReport> tables = reports(body.tables());
        List<TableReport> remaining = reports(body.remaining());
        if (!remaining.isEmpty() && action != ConnectorAction.ERASE) {
            throw new MalformedResultException("remaining: only an ERASE result says what remains");
        }
        Map<String, List<Map<String, Object>>> data = data(root.get("data"));
        // Personal data is accepted only where it is expected and will be stored encrypted: in an access result.
        if (!data.isEmpty() && action != ConnectorAction.ACCESS) {
            throw new MalformedResultException("data: only an ACCESS result carries the subject's records");
        }
        return new ActionResult(action, ActionResult.Status.DONE, tables, remaining, data, body.summary().strip());
    }

    private static List<TableReport> reports(List<TableBody> tables) {
        return tables == null ? List.of() : tables.stream().map(TableBody::report).toList();
    }

    private static Map<String, List<Map<String, Object>>> data(JsonNode data) {
        if (data == null || data.isNull()) {
            return Map.of();
        }
        if (!data.isObject()) {
            throw new MalformedResultException("data: expected an object of table name → list of records");
        }
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, JsonNode> table : data.properties()) {
            index++;
            // The table is named by position: nothing from the body goes into a message.
            String path = "data (table " + index + ")";
            if (table.getKey().isBlank()) {
                throw new MalformedResultException(path + ": the table name is empty");
            }
            if (!table.getValue().isArray()) {
                throw new MalformedResultException(path + ": expected a list of records");
            }
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < table.getValue().size(); i++) {
                JsonNode record = table.getValue().get(i);
                if (!record.isObject()) {
                    throw new MalformedResultException(path + "[" + i + "]: expected an object (field → value)");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = JSON.convertValue(record, LinkedHashMap.class);
                records.add(fields);
            }
            result.put(table.getKey(), records);
        }
        return result;
    }

    /** {@code reference} or {@code action}: required in a callback, checked when present in a 200. */
    private static String requiredText(String value, String key) {
        if (value == null) {
            throw new MalformedResultException(key + ": " + REQUIRED);
        }
        if (value.isBlank()) {
            throw new MalformedResultException(key + ": " + TEXT);
        }
        return value.strip();
    }
}
