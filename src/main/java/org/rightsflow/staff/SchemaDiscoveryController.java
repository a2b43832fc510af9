package org.rightsflow.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rightsflow.connector.ConnectorException;
import org.rightsflow.connector.LegalBasis;
import org.rightsflow.connector.SchemaProposal;
import org.rightsflow.connector.SecretReference;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.security.StaffGroups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Schema discovery (ADMIN): where the database is, then the proposal to review — the tables it reaches and why each
 * is deleted, masked or kept, what every column looks like it holds (a masked example at most), what it found but
 * could not map, and the proposal checked against the live schema. Kept tables need their legal basis and note
 * before the definition can be saved; saving goes through "Add a system" with the YAML, editable, so what is saved is
 * exactly what was read, and the exchange format stays the one a company keeps in git.
 *
 * <p>The form never takes a password: only the environment variable or file that holds it, as every definition does.
 */
@Controller
class SchemaDiscoveryController {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}\\.[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final List<String> ERASURES = List.of("delete", "mask", "retain");
    private static final List<String> MASKS = List.of("set-null", "redact", "hash", "year-only", "zero", "keep");
    private static final int MAX_TEXT = 200;
    private static final int MAX_URL = 1000;
    private static final int MAX_NOTE = 500;

    private final SystemRegistry systems;
    private final StaffGroups groups;

    SchemaDiscoveryController(SystemRegistry systems, StaffGroups groups) {
        this.systems = systems;
        this.groups = groups;
    }

    /** What the form holds, as typed (stripped); re-posted with every "propose again". */
    record DiscoveryForm(String key, String name, String ownerGroup, String url, String username,
                         String passwordSource, String passwordName, String schema, String identityTable) {

        static DiscoveryForm empty() {
            return new DiscoveryForm("", "", "", "", "", "env", "", "", "");
        }

        static DiscoveryForm of(Map<String, String> params) {
            return new DiscoveryForm(text(params, "key"), text(params, "name"), text(params, "ownerGroup"),
                    text(params, "url"), text(params, "username"), text(params, "passwordSource"),
                    text(params, "passwordName"), text(params, "schema"), text(params, "identityTable"));
        }

        private static String text(Map<String, String> params, String name) {
            String value = params.get(name);
            return value == null ? "" : value.strip();
        }
    }

    @GetMapping("/staff/systems/discover")
    String form(Model model) {
        model.addAttribute("form", DiscoveryForm.empty());
        model.addAttribute("groups", groups.all());
        model.addAttribute("bases", LegalBasis.values());
        return "staff/system-discover";
    }

    @PostMapping("/staff/systems/discover")
    String propose(@RequestParam Map<String, String> params, Model model,
                   jakarta.servlet.http.HttpServletResponse response) {
        DiscoveryForm form = DiscoveryForm.of(params);
        model.addAttribute("form", form);
        model.addAttribute("groups", groups.all());
        model.addAttribute("bases", LegalBasis.values());
        Map<String, String> problems = problems(form);
        Map<String, SchemaProposal.Reason> reasons = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("basis:") || name.startsWith("note:")) {
                String table = name.substring(name.indexOf(':') + 1);
                if (!PLAIN.matcher(table).matches()) {
                    return;
                }
                String text = value.strip();
                if (CONTROL.matcher(text).find() || text.length() > MAX_NOTE) {
                    problems.put("note:" + table, "Write the note on one line, in at most " + MAX_NOTE
                            + " characters.");
                    return;
                }
                SchemaProposal.Reason known = reasons.getOrDefault(table, new SchemaProposal.Reason(null, null));
                if (name.startsWith("basis:")) {
                    LegalBasis basis = text.isEmpty() ? null : basis(text);
                    reasons.put(table, new SchemaProposal.Reason(basis, known.note()));
                } else {
                    notes.put(table, text);
                    reasons.put(table, new SchemaProposal.Reason(known.basis(), text.isEmpty() ? null : text));
                }
            }
        });
        Map<String, String> erasures = new LinkedHashMap<>();
        Map<String, String> masks = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("erasure:") && PLAIN.matcher(name.substring(8)).matches()
                    && ERASURES.contains(value)) {
                erasures.put(name.substring(8), value);
            } else if (name.startsWith("mask:") && COLUMN.matcher(name.substring(5)).matches()
                    && MASKS.contains(value)) {
                masks.put(name.substring(5), value);
            }
        });
        String testEmail = params.getOrDefault("testEmail", "").strip();
        if (!testEmail.isEmpty() && (testEmail.length() > 254 || !testEmail.matches("[^@\\s]+@[^@\\s]+")
                || CONTROL.matcher(testEmail).find())) {
            problems.put("testEmail", "Give the test subject's email address, e.g. someone@example.com.");
        }
        model.addAttribute("notes", notes);
        model.addAttribute("testEmail", testEmail);
        model.addAttribute("problems", problems);
        if (!problems.isEmpty()) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
            return "staff/system-discover";
        }
        try {
            SchemaProposal proposal = systems.discover(new SchemaProposal.Request(form.key(), form.name(),
                    form.ownerGroup(), form.url(), blankToNull(form.username()),
                    password(form), blankToNull(form.schema()), blankToNull(form.identityTable()), reasons,
                    erasures, masks, blankToNull(testEmail)));
            model.addAttribute("proposal", proposal);
            model.addAttribute("incomplete", proposal.tables().stream().filter(SchemaProposal.Table::missingReason)
                    .map(SchemaProposal.Table::name).toList());
        } catch (ConnectorException e) {
            model.addAttribute("failure", e.getMessage());
        }
        return "staff/system-discover";
    }

    private Map<String, String> problems(DiscoveryForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!KEY.matcher(form.key()).matches()) {
            problems.put("key", "Give a key of lower-case letters, digits and dashes (at most 64), e.g. member-db.");
        }
        if (form.name().isEmpty() || form.name().length() > MAX_TEXT || CONTROL.matcher(form.name()).find()) {
            problems.put("name", "Give the system a name, on one line, in at most " + MAX_TEXT + " characters.");
        }
        if (!groups.exists(form.ownerGroup())) {
            problems.put("ownerGroup", "Choose one of the groups in the list: the team that answers for the system.");
        }
        if (!form.url().startsWith("jdbc:") || form.url().length() > MAX_URL || CONTROL.matcher(form.url()).find()) {
            problems.put("url", "Give the database's JDBC URL, e.g. jdbc:postgresql://db.internal:5432/shop.");
        }
        if (form.username().length() > MAX_TEXT || CONTROL.matcher(form.username()).find()) {
            problems.put("username", "Give the user name on one line, in at most " + MAX_TEXT + " characters.");
        }
        if (!form.schema().isEmpty() && !PLAIN.matcher(form.schema()).matches()) {
            problems.put("schema", "A schema is a plain name: letters, digits and underscores.");
        }
        if (!form.identityTable().isEmpty() && !PLAIN.matcher(form.identityTable()).matches()) {
            problems.put("identityTable", "Choose one of the tables in the list.");
        }
        switch (form.passwordSource()) {
            case "none" -> { }
            case "env" -> {
                if (!ENV_NAME.matcher(form.passwordName()).matches()) {
                    problems.put("passwordName", "Give the name of the environment variable that holds the password, "
                            + "e.g. MEMBER_DB_PASSWORD.");
                }
            }
            case "file" -> {
                if (!form.passwordName().startsWith("/") || form.passwordName().length() > MAX_TEXT
                        || CONTROL.matcher(form.passwordName()).find()) {
                    problems.put("passwordName", "Give the full path of the file that holds the password, e.g. "
                            + "/run/secrets/member_db_password.");
                }
            }
            default -> problems.put("passwordSource", "Choose where the password is kept.");
        }
        return problems;
    }

    private static SecretReference password(DiscoveryForm form) {
        return switch (form.passwordSource()) {
            case "env" -> new SecretReference(SecretReference.Source.ENV, form.passwordName());
            case "file" -> new SecretReference(SecretReference.Source.FILE, form.passwordName());
            default -> null;
        };
    }

    private static LegalBasis basis(String name) {
        return List.of(LegalBasis.values()).stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
