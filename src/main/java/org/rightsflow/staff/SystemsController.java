package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.rightsflow.connector.ConnectionCheck;
import org.rightsflow.connector.ConnectorKind;
import org.rightsflow.connector.ImportReport;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.connector.UnknownSystemException;
import org.rightsflow.security.AdminAction;
import org.rightsflow.security.AdminTimeline;
import org.rightsflow.security.StaffGroup;
import org.rightsflow.security.StaffGroups;
import org.rightsflow.security.StaffMember;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry of connected systems. Privacy officers see every system, a system owner those of their groups; each
 * can test the connection of what they see. Admins create, edit,
 * import and export definitions, as YAML (docs/connected-systems.md). Secrets are references and are never shown.
 */
@Controller
class SystemsController {

    /** A whole company's definitions fit easily; anything bigger is not a definitions file. */
    static final int MAX_YAML_BYTES = 1024 * 1024;

    private final SystemRegistry systems;
    private final StaffGroups groups;
    private final AdminTimeline adminTimeline;
    private final TransactionTemplate transactions;

    SystemsController(SystemRegistry systems, StaffGroups groups, AdminTimeline adminTimeline,
                      TransactionTemplate transactions) {
        this.systems = systems;
        this.groups = groups;
        this.adminTimeline = adminTimeline;
        this.transactions = transactions;
    }

    @GetMapping("/staff/systems")
    String systems(@ModelAttribute("me") StaffMember me, Model model) {
        model.addAttribute("systems", systems.all().stream().filter(system -> maySee(me, system)).toList());
        return "staff/systems";
    }

    @GetMapping("/staff/systems/{id}")
    String system(@PathVariable long id, @ModelAttribute("me") StaffMember me, Model model,
                  HttpServletResponse response) {
        try {
            SystemView system = systems.get(id);
            if (!maySee(me, system)) {
                throw new UnknownSystemException(id);
            }
            model.addAttribute("system", system);
            model.addAttribute("yaml", SystemDefinitions.toYaml(systems.definition(id)));
        } catch (UnknownSystemException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        return "staff/system";
    }

    @PostMapping("/staff/systems/{id}/test")
    String test(@PathVariable long id, @ModelAttribute("me") StaffMember me, RedirectAttributes redirect,
                HttpServletResponse response) {
        try {
            if (!maySee(me, systems.get(id))) {
                throw new UnknownSystemException(id);
            }
        } catch (UnknownSystemException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        ConnectionCheck check = systems.testConnection(id);
        redirect.addFlashAttribute("check", check);
        return "redirect:/staff/systems/" + id;
    }

    /**
     * Each imported sql system is tested at once, so a mapping that does not fit its database is seen now rather than
     * at the first request's dry run (which refuses it). The import stands either way: a definition may well be
     * imported before its database is ready. An http system is not called here: its health check is a call to a
     * service that may be slow, and "Test connection" is one click away.
     */
    private Map<String, ConnectionCheck> checkAgainstTheirSystems(ImportReport report) {
        Map<String, ConnectionCheck> checks = new java.util.LinkedHashMap<>();
        java.util.stream.Stream.concat(report.created().stream(), report.updated().stream()).forEach(key ->
                systems.find(key).filter(system -> system.kind() == ConnectorKind.SQL)
                        .ifPresent(system -> checks.put(system.name(), systems.testConnection(system.id()))));
        return checks;
    }

    /** A system owner sees (and tests) only the systems of their groups: the others' connections are no business of theirs. */
    private static boolean maySee(StaffMember me, SystemView system) {
        return me.overseesAllRequests() || me.groups().contains(system.ownerGroup());
    }

    /**
     * A new system: its owner group is chosen from the groups (as on the edit page), and the sample definition
     * leaves {@code ownerGroup} out; a definition that names one keeps it when no group is chosen.
     */
    @GetMapping("/staff/systems/new")
    String newSystem(Model model) {
        model.addAttribute("yaml", """
                key: crm
                name: CRM
                description: Customer relationship management
                kind: manual
                requestTypes: [ACCESS, DELETION, CORRECTION]
                instructions: Search the contact by email.
                personalData:
                  categories: [contact details]
                  purposes: [sales]
                  retention: 2 years after the last contact
                """);
        model.addAttribute("groups", groups.all());
        model.addAttribute("chosenGroup", "");
        return "staff/system-edit";
    }

    @GetMapping("/staff/systems/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("system", systems.get(id));
        model.addAttribute("yaml", SystemDefinitions.toYaml(systems.definition(id)));
        ownerGroups(systems.get(id), model);
        return "staff/system-edit";
    }

    /**
     * Gives the system to a known group. The group it has is accepted too even when it is no known group (systems
     * defined before groups were), so saving the page unchanged never fails.
     */
    @PostMapping("/staff/systems/{id}/owner-group")
    String ownerGroup(@PathVariable long id, @RequestParam(defaultValue = "") String ownerGroup,
                      @ModelAttribute("me") StaffMember me, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        SystemView system = systems.get(id);
        if (!ownerGroup.equals(system.ownerGroup()) && !groups.exists(ownerGroup)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("system", system);
            model.addAttribute("yaml", SystemDefinitions.toYaml(systems.definition(id)));
            ownerGroups(system, model);
            model.addAttribute("ownerProblem", "Choose one of the groups in the list.");
            return "staff/system-edit";
        }
        if (!ownerGroup.equals(system.ownerGroup())) {
            transactions.executeWithoutResult(status -> {
                String before = systems.setOwnerGroup(id, ownerGroup);
                recordOwnerChange(me, system, before, ownerGroup);
            });
            redirect.addFlashAttribute("notice", system.name() + " now belongs to " + ownerGroup + ".");
        }
        return "redirect:/staff/systems/" + id;
    }

    private void ownerGroups(SystemView system, Model model) {
        model.addAttribute("groups", groups.all());
        model.addAttribute("ownerGroupKnown", groups.exists(system.ownerGroup()));
    }

    /**
     * One entry per system the import created or updated, with its owner group and where that came from, in the
     * import's transaction: a refused import leaves none.
     */
    private void recordImport(StaffMember me, String origin, String chosen, ImportReport report,
                              Map<String, String> ownersBefore) {
        for (String key : report.created()) {
            SystemView system = systems.find(key).orElseThrow();
            adminTimeline.record(me.username(), AdminAction.SYSTEM_IMPORTED, key, "Created " + system.name()
                    + " from the " + origin + " with owner group " + system.ownerGroup() + ownerSource(chosen) + ".");
        }
        for (String key : report.updated()) {
            SystemView system = systems.find(key).orElseThrow();
            String before = ownersBefore.get(key);
            adminTimeline.record(me.username(), AdminAction.SYSTEM_IMPORTED, key, "Updated " + system.name()
                    + " from the " + origin + "; "
                    + (system.ownerGroup().equals(before) ? "owner group " + before + " unchanged"
                    : "owner group changed from " + before + " to " + system.ownerGroup() + ownerSource(chosen)
                    + "; tasks already offered to " + before + " stay with it") + ".");
        }
    }

    private static String ownerSource(String chosen) {
        return chosen == null ? " (as the definition says)" : " (chosen from the list)";
    }

    /**
     * An edited definition: the owner group's change on its own row, as from the owner group form, and every other
     * save on one row naming what visibly changed (the connection, mapping and other settings are not in the
     * {@link SystemView}, so "the rest of the definition" stands for them).
     */
    private void recordEdit(StaffMember me, SystemView before, SystemView saved) {
        if (!before.ownerGroup().equals(saved.ownerGroup())) {
            recordOwnerChange(me, saved, before.ownerGroup(), saved.ownerGroup());
        }
        java.util.List<String> changed = new java.util.ArrayList<>();
        if (!before.name().equals(saved.name())) {
            changed.add("name (was " + before.name() + ")");
        }
        if (!java.util.Objects.equals(before.description(), saved.description())) {
            changed.add("description");
        }
        if (!before.requestTypes().equals(saved.requestTypes())) {
            changed.add("request types " + new java.util.TreeSet<>(before.requestTypes()) + " → "
                    + new java.util.TreeSet<>(saved.requestTypes()));
        }
        if (!java.util.Objects.equals(before.instructions(), saved.instructions())) {
            changed.add("instructions");
        }
        if (before.active() != saved.active()) {
            changed.add(saved.active() ? "switched on" : "switched off");
        }
        adminTimeline.record(me.username(), AdminAction.SYSTEM_EDITED, saved.key(), "Definition of " + saved.name()
                + " saved: " + (changed.isEmpty() ? "the rest of the definition (connection, mapping, settings)"
                : String.join(", ", changed)) + ".");
    }

    private void recordOwnerChange(StaffMember me, SystemView system, String before, String after) {
        adminTimeline.record(me.username(), AdminAction.SYSTEM_OWNER_GROUP_CHANGED, system.key(),
                "Owner group of " + system.name() + " changed from " + before + " to " + after
                        + "; tasks already offered to " + before + " stay with it.");
    }

    @PostMapping({"/staff/systems/new", "/staff/systems/{id}/edit"})
    String save(@PathVariable(required = false) Long id, @RequestParam String yaml,
                @RequestParam(required = false) String ownerGroup,
                @ModelAttribute("me") StaffMember me, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        // The owner group is chosen beside the text only for a new system; an existing one has its own form.
        String chosen = id == null && ownerGroup != null && !ownerGroup.isBlank() ? ownerGroup.strip() : null;
        if (chosen != null && !groups.exists(chosen)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("yaml", yaml);
            model.addAttribute("groups", groups.all());
            model.addAttribute("chosenGroup", "");
            model.addAttribute("ownerProblem", "Choose one of the groups in the list.");
            return "staff/system-edit";
        }
        try {
            if (yaml.getBytes(StandardCharsets.UTF_8).length > MAX_YAML_BYTES) {
                throw new IllegalArgumentException("The definition is larger than 1 MB");
            }
            SystemDefinition definition = SystemDefinitions.parseSingle("definition", yaml, chosen);
            if (id != null && !systems.get(id).key().equals(definition.key())) {
                throw new IllegalArgumentException("definition: key: a system's key cannot change (it is '"
                        + systems.get(id).key() + "'); create a new system instead");
            }
            if (id == null && systems.exists(definition.key())) {
                throw new IllegalArgumentException("definition: key: '" + definition.key() + "' is already registered");
            }
            long savedId = transactions.execute(status -> {
                SystemView before = id == null ? null : systems.get(id);
                SystemView saved = systems.save(definition);
                if (before == null) {
                    adminTimeline.record(me.username(), AdminAction.SYSTEM_CREATED, saved.key(), "Created "
                            + saved.name() + " with owner group " + saved.ownerGroup() + ownerSource(chosen) + ".");
                } else {
                    recordEdit(me, before, saved);
                }
                return saved.id();
            });
            redirect.addFlashAttribute("notice", "Saved " + definition.name() + ".");
            return "redirect:/staff/systems/" + savedId;
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            if (id != null) {
                model.addAttribute("system", systems.get(id));
                ownerGroups(systems.get(id), model);
            } else {
                model.addAttribute("groups", groups.all());
                model.addAttribute("chosenGroup", chosen == null ? "" : chosen);
            }
            model.addAttribute("yaml", yaml);
            model.addAttribute("problem", invalid.getMessage());
            return "staff/system-edit";
        }
    }

    @GetMapping("/staff/systems/export")
    ResponseEntity<String> export() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rightsflow-systems.yml").build().toString())
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .body(systems.exportYaml());
    }

    @GetMapping("/staff/systems/import")
    String importForm(Model model) {
        model.addAttribute("groups", groups.all());
        model.addAttribute("chosenGroup", "");
        return "staff/system-import";
    }

    /**
     * Imports a document of definitions. The owner group may be chosen from the groups for all of them at once;
     * left at "as each definition says", an exported document comes back with the owner groups it had.
     */
    @PostMapping("/staff/systems/import")
    String importDefinitions(@RequestParam(required = false) MultipartFile file,
                             @RequestParam(required = false) String yaml,
                             @RequestParam(required = false) String ownerGroup,
                             @ModelAttribute("me") StaffMember me, Model model,
                             RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String document = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : yaml;
        String chosen = ownerGroup == null || ownerGroup.isBlank() ? null : ownerGroup.strip();
        model.addAttribute("groups", groups.all());
        model.addAttribute("chosenGroup", chosen == null ? "" : chosen);
        if (chosen != null && !groups.exists(chosen)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("yaml", yaml);
            model.addAttribute("chosenGroup", "");
            model.addAttribute("ownerProblem", "Choose one of the groups in the list. Nothing was imported.");
            return "staff/system-import";
        }
        try {
            if (document == null || document.isBlank()) {
                throw new IllegalArgumentException("Paste the definitions or choose a file.");
            }
            if (document.getBytes(StandardCharsets.UTF_8).length > MAX_YAML_BYTES) {
                throw new IllegalArgumentException("The file is larger than 1 MB.");
            }
            String origin = file != null && !file.isEmpty() ? "uploaded file" : "pasted text";
            ImportReport report = transactions.execute(status -> {
                Map<String, String> ownersBefore = systems.all().stream()
                        .collect(Collectors.toMap(SystemView::key, SystemView::ownerGroup));
                ImportReport done = systems.importYaml(origin, document, chosen);
                recordImport(me, origin, chosen, done, ownersBefore);
                return done;
            });
            redirect.addFlashAttribute("notice", "Imported: " + report.created().size() + " created "
                    + report.created() + ", " + report.updated().size() + " updated " + report.updated() + ".");
            redirect.addFlashAttribute("importChecks", checkAgainstTheirSystems(report));
            return "redirect:/staff/systems";
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("yaml", yaml);
            model.addAttribute("problem", invalid.getMessage() + " Nothing was imported.");
            return "staff/system-import";
        }
    }
}
