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
import java.util.Set;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.TableReport;
import org.rightsflow.support.EnumNames;

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
 * Strict like the YAML definitions: an unknown key is refused, because a misspelt {@code rowsDeleted} would
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

    private static final Set<String> RESULT_KEYS = Set.of("reference", "action", "summary", "tables", "remaining",
            "data");
    private static final Set<String> TABLE_KEYS = Set.of("table", "rowsFound", "rowsDeleted", "rowsUpdated",
            "fieldsMasked", "rowsRetained", "fieldsRetained", "retentionNotes");

    private HttpResultJson() {
    }

    /**
     * Reads the body of a callback ({@code POST {callbackUrl}}), after its signature has been verified.
     *
     * @throws MalformedResultException naming the first problem
     */
    public static Callback parseCallback(byte[] body) {
        JsonNode root = readObject(body);
        String reference = requiredText(root, "reference");
        String actionName = requiredText(root, "action");
        ConnectorAction action = EnumNames.parse(ConnectorAction.class, actionName).orElseThrow(() ->
                new MalformedResultException("action: expected one of " + EnumNames.names(ConnectorAction.class)));
        return new Callback(reference, result(root, action));
    }

    /**
     * Reads the body of a 200 answer to a call for this action and request. {@code reference} and {@code action}
     * may be left out; when present they must match, so a mix-up on the receiver's side is caught.
     */
    static ActionResult parseAnswer(byte[] body, ConnectorAction action, String reference) {
        JsonNode root = readObject(body);
        if (root.has("reference") && !requiredText(root, "reference").equals(reference)) {
            throw new MalformedResultException("reference: does not match the request that was sent");
        }
        if (root.has("action") && !requiredText(root, "action").equals(action.name())) {
            throw new MalformedResultException("action: does not match the action that was called (" + action + ")");
        }
        return result(root, action);
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

    private static ActionResult result(JsonNode root, ConnectorAction action) {
        allowOnly(root, "", RESULT_KEYS);
        String summary = requiredText(root, "summary");
        List<TableReport> tables = tables(root, "tables");
        List<TableReport> remaining = tables(root, "remaining");
        if (!remaining.isEmpty() && action != ConnectorAction.ERASE) {
            throw new MalformedResultException("remaining: only an ERASE result says what remains");
        }
        Map<String, List<Map<String, Object>>> data = data(root);
        // Personal data is accepted only where it is expected and will be stored encrypted: in an access result.
        if (!data.isEmpty() && action != ConnectorAction.ACCESS) {
            throw new MalformedResultException("data: only an ACCESS result carries the subject's records");
        }
        return new ActionResult(action, ActionResult.Status.DONE, tables, remaining, data, summary);
    }

    private static List<TableReport> tables(JsonNode root, String key) {
        JsonNode list = root.get(key);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new MalformedResultException(key + ": expected a list of tables");
        }
        List<TableReport> reports = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = key + "[" + i + "]";
            JsonNode table = list.get(i);
            if (!table.isObject()) {
                throw new MalformedResultException(path + ": expected an object");
            }
            allowOnly(table, path + ".", TABLE_KEYS);
            reports.add(new TableReport(requiredText(table, path + ".", "table"),
                    count(table, path, "rowsFound"), count(table, path, "rowsDeleted"),
                    count(table, path, "rowsUpdated"), count(table, path, "fieldsMasked"),
                    count(table, path, "rowsRetained"), count(table, path, "fieldsRetained"),
                    texts(table, path + ".retentionNotes")));
        }
        return reports;
    }

    private static Map<String, List<Map<String, Object>>> data(JsonNode root) {
        JsonNode data = root.get("data");
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

    private static int count(JsonNode table, String path, String key) {
        JsonNode value = table.get(key);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new MalformedResultException(path + "." + key + ": expected a whole number, 0 or more");
        }
        return value.intValue();
    }

    private static List<String> texts(JsonNode table, String path) {
        JsonNode list = table.get("retentionNotes");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new MalformedResultException(path + ": expected a list of texts");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual() || list.get(i).asText().isBlank()) {
                throw new MalformedResultException(path + "[" + i + "]: expected non-empty text");
            }
            texts.add(list.get(i).asText().strip());
        }
        return texts;
    }

    private static String requiredText(JsonNode node, String key) {
        return requiredText(node, "", key);
    }

    private static String requiredText(JsonNode node, String prefix, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new MalformedResultException(prefix + key + ": required but missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedResultException(prefix + key + ": expected non-empty text");
        }
        return value.asText().strip();
    }

    private static void allowOnly(JsonNode node, String prefix, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            if (!allowed.contains(name)) {
                // Not even the key is quoted: nothing from the body goes into a message (a key can be an email).
                throw new MalformedResultException((prefix.isEmpty() ? "top level" : prefix.substring(0,
                        prefix.length() - 1)) + ": an unknown key; allowed here: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
