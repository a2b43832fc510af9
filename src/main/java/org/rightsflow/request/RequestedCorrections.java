package org.rightsflow.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rightsflow.deadline.RequestType;

/**
 * The rules for what a correction request may ask, shared by every intake channel so the portal and the API accept
 * exactly the same claims: at least one field, each one a field some connected system declares, each value short
 * and on one line.
 */
public final class RequestedCorrections {

    /** More than this is no longer a correction but a new record; a person would ask what is meant. */
    public static final int MAX_FIELDS = 10;
    public static final int MAX_VALUE_LENGTH = 500;
    /** The shape of a field name, as connected systems declare them (e.g. first_name, postcode). */
    public static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * One problem with a claim.
     *
     * @param field   the field it concerns; null when it concerns the claim as a whole
     * @param kind    what is wrong, for a page to say it in the subject's language
     * @param message what is wrong in English, for the API and staff
     */
    public record Problem(String field, Kind kind, String message) {
    }

    /** What can be wrong with a claim; the portal words each in the subject's language (portal.form.corrections.*). */
    public enum Kind {
        NOT_A_CORRECTION, NONE, TOO_MANY, BAD_NAME, UNKNOWN_FIELD, NO_VALUE, TOO_LONG, NOT_ONE_LINE
    }

    private RequestedCorrections() {
    }

    /**
     * Checks a claim against the fields the connected systems declare.
     *
     * @param knownFields the fields a correction may name; when empty (no system declares any), any well-formed name
     *                    is accepted and the systems' owners read it
     */
    public static List<Problem> problems(RequestType type, Map<String, String> corrections, Set<String> knownFields) {
        List<Problem> problems = new ArrayList<>();
        if (type != RequestType.CORRECTION) {
            if (!corrections.isEmpty()) {
                problems.add(new Problem(null, Kind.NOT_A_CORRECTION, "only a correction request says which data to correct"));
            }
            return problems;
        }
        if (corrections.isEmpty()) {
            problems.add(new Problem(null, Kind.NONE, "say which data is wrong and what it should be"));
            return problems;
        }
        if (corrections.size() > MAX_FIELDS) {
            problems.add(new Problem(null, Kind.TOO_MANY, "at most " + MAX_FIELDS + " fields in one request"));
        }
        corrections.forEach((field, value) -> {
            if (field == null || !FIELD_NAME.matcher(field).matches()) {
                problems.add(new Problem(null, Kind.BAD_NAME, "a field name is 1 to 64 letters, digits, '_', '.' or '-'"));
            } else if (!knownFields.isEmpty() && !knownFields.contains(field)) {
                problems.add(new Problem(field, Kind.UNKNOWN_FIELD, "is not a field we hold; choose one of " + String.join(", ", knownFields)));
            } else if (value == null || value.isBlank()) {
                problems.add(new Problem(field, Kind.NO_VALUE, "say what the correct value is"));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(new Problem(field, Kind.TOO_LONG, "must be at most " + MAX_VALUE_LENGTH + " characters"));
            } else if (value.chars().anyMatch(Character::isISOControl)) {
                problems.add(new Problem(field, Kind.NOT_ONE_LINE, "must be a single line of text"));
            }
        });
        return problems;
    }

    /** A field name as people read it: first_name → First name. */
    public static String label(String field) {
        String spaced = field.replace('_', ' ').replace('.', ' ').replace('-', ' ').strip();
        return spaced.isEmpty() ? field : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** Corrections as lines to read in an email or a task, field by field: "Last name (last_name): Hopper-Smith". */
    public static List<String> lines(Map<String, String> corrections) {
        return corrections.entrySet().stream()
                .map(e -> label(e.getKey()) + " (" + e.getKey() + "): " + e.getValue()).toList();
    }
}
