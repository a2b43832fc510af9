package org.rightsflow.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.RequestSearch;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.support.EnumNames;

/**
 * The search form of the requests list as it arrived in the query string: every field untrusted text. {@link #problems}
 * says what cannot be searched for (an unknown status, a date that is not one) in words for the page; the list is not
 * searched then. The reference and the address are free text: whatever they hold is only ever a bound parameter (the
 * address not even that: its keyed hash), so odd characters simply find nothing.
 */
record RequestSearchForm(String reference, String email, String status, String type, String law, String system,
                         String dueFrom, String dueTo, String overdue, String assignee, String sort) {

    /** Surrounding spaces mean nothing in any field (a pasted address often has some). */
    RequestSearchForm {
        reference = stripped(reference);
        email = stripped(email);
        status = stripped(status);
        type = stripped(type);
        law = stripped(law);
        system = stripped(system);
        dueFrom = stripped(dueFrom);
        dueTo = stripped(dueTo);
        overdue = stripped(overdue);
        assignee = stripped(assignee);
        sort = stripped(sort);
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    /** Longer than any reference or address: refused with a message rather than searched. */
    static final int MAX_TEXT = 254;

    /** The form's fields in the order the links carry them. */
    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reference", reference);
        fields.put("email", email);
        fields.put("status", status);
        fields.put("type", type);
        fields.put("law", law);
        fields.put("system", system);
        fields.put("dueFrom", dueFrom);
        fields.put("dueTo", dueTo);
        fields.put("overdue", overdue);
        fields.put("assignee", assignee);
        fields.put("sort", sort);
        return fields;
    }

    /** Whether anything narrows the list (a sort alone does not). */
    boolean narrows() {
        return fields().entrySet().stream().anyMatch(e -> !e.getKey().equals("sort") && present(e.getValue()));
    }

    /**
     * The list's address with the search in its query string, for the page links and the sort: the filters given,
     * encoded, and nothing else.
     */
    String path() {
        // Encoded as a form would ("+" included, which a URI builder leaves as it is and a server reads as a space).
        String query = fields().entrySet().stream().filter(e -> present(e.getValue()))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().strip(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "/staff/requests" : "/staff/requests?" + query;
    }

    /** What cannot be searched for, one message per field, in the form's order; empty when the search can run. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (text(reference).length() > MAX_TEXT) {
            problems.add("The reference is too long: a reference looks like DSR-2026-0000000000.");
        }
        if (text(email).length() > MAX_TEXT) {
            problems.add("The email address is too long (at most " + MAX_TEXT + " characters).");
        }
        if (present(status) && parsed(RequestStatus.class, status).isEmpty()) {
            problems.add("There is no status \"" + shown(status) + "\": choose one from the list.");
        }
        if (present(type) && parsed(RequestType.class, type).isEmpty()) {
            problems.add("There is no request type \"" + shown(type) + "\": choose one from the list.");
        }
        if (present(law) && parsed(Regime.class, law).isEmpty()) {
            problems.add("There is no law \"" + shown(law) + "\": choose one from the list.");
        }
        if (present(sort) && parsed(RequestSearch.Sort.class, sort).isEmpty()) {
            problems.add("The list cannot be sorted by \"" + shown(sort) + "\": choose an order from the list.");
        }
        if (present(dueFrom) && date(dueFrom).isEmpty()) {
            problems.add("\"Due from\" is not a date: write it as 2026-03-01.");
        }
        if (present(dueTo) && date(dueTo).isEmpty()) {
            problems.add("\"Due to\" is not a date: write it as 2026-03-31.");
        }
        if (present(overdue) && !"true".equals(overdue.strip())) {
            problems.add("\"Overdue only\" is either ticked or not.");
        }
        return problems;
    }

    /**
     * The search, once {@link #problems} is empty. What the caller may see (types) and the requests an assignee
     * holds (references) are the controller's to add.
     */
    RequestSearch toSearch(java.util.Set<RequestType> types, java.util.Collection<String> references, LocalDate today) {
        return new RequestSearch(
                present(reference) ? reference.strip().toUpperCase(Locale.ROOT) : null,
                present(email) ? email.strip() : null,
                parsed(RequestStatus.class, status).orElse(null),
                parsed(RequestType.class, type).orElse(null),
                parsed(Regime.class, law).orElse(null),
                types, references,
                date(dueFrom).orElse(null), date(dueTo).orElse(null),
                "true".equals(text(overdue)), today,
                parsed(RequestSearch.Sort.class, sort).orElse(RequestSearch.Sort.RECEIVED_DESC));
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static <E extends Enum<E>> Optional<E> parsed(Class<E> type, String value) {
        return EnumNames.parse(type, text(value));
    }

    private static Optional<LocalDate> date(String value) {
        if (!present(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A refused value as the message quotes it: short, for it is the staff member's own typing. */
    private static String shown(String value) {
        String stripped = value.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }
}
