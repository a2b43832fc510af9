package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rightsflow.audit.Actors;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.Limited;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.limits.Verdict;
import org.rightsflow.optout.PreferenceCenter;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.request.Channel;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.RequestedCorrections;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.request.SubmittedRequest;
import org.rightsflow.support.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The landing page with the request form, and the page that confirms a submission. */
@Controller
class PrivacyCenterController {

    private final RequestIntake intake;
    private final SystemRegistry systems;
    private final PreferenceCenter preferences;
    private final RateLimits limits;
    private final MessageSource messages;

    PrivacyCenterController(RequestIntake intake, SystemRegistry systems, PreferenceCenter preferences,
                            RateLimits limits, MessageSource messages) {
        this.intake = intake;
        this.systems = systems;
        this.preferences = preferences;
        this.limits = limits;
        this.messages = messages;
    }

    @ModelAttribute("gpc")
    boolean gpc(HttpServletRequest request) {
        return GlobalPrivacyControl.sentBy(request);
    }

    /**
     * The data a correction may name: what the connected systems declare, each by the label its system gives it in
     * the subject's language, else by its name made readable.
     */
    @ModelAttribute("correctableFields")
    Map<String, String> correctableFields() {
        Map<String, String> labels = systems.correctableFieldLabels(Languages.current());
        Map<String, String> fields = new LinkedHashMap<>();
        systems.correctableFields().forEach(field -> fields.put(field,
                labels.getOrDefault(field, RequestedCorrections.label(field))));
        return fields;
    }

    @ModelAttribute("requestTypes")
    List<RequestType> requestTypes() {
        return List.of(RequestType.values());
    }

    @ModelAttribute("regimes")
    List<Regime> regimes() {
        return List.of(Regime.values());
    }

    /** The same places grouped by country for the form's select (docs/legal-rules.md#regime-places). */
    @ModelAttribute("placeGroups")
    List<Places.Group> placeGroups() {
        return Places.groups(messages, Languages.current());
    }

    /**
     * The place finder's status for each possible count (index = number of matching places), formatted here by ICU
     * so that the script needs no plural rules of its own.
     */
    @ModelAttribute("placeMatches")
    List<String> placeMatches() {
        List<String> texts = new ArrayList<>();
        for (int count = 0; count <= Regime.values().length; count++) {
            texts.add(messages.getMessage("portal.index.regime.matches", new Object[] {count}, Languages.current()));
        }
        return texts;
    }

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("form", new RequestForm());
        return "portal/index";
    }

    @Limited(Limit.REQUEST_FORM)
    @PostMapping("/requests")
    String submit(@Valid @ModelAttribute("form") RequestForm form, BindingResult errors,
                  RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        Optional<RequestType> type = PortalInput.requestType(form.getType());
        Optional<Regime> regime = PortalInput.regime(form.getRegime());
        if (form.getType() != null && !form.getType().isBlank() && type.isEmpty()) {
            errors.rejectValue("type", "portal.form.type.unknown", "Choose one of the listed requests");
        }
        if (form.getRegime() != null && !form.getRegime().isBlank() && regime.isEmpty()) {
            errors.rejectValue("regime", "portal.form.regime.unknown", "Choose one of the listed places");
        }
        Map<String, String> corrections = type.filter(t -> t == RequestType.CORRECTION)
                .map(t -> corrections(form, systems.correctableFields(),
                        systems.correctableFieldLabels(Languages.current()), errors)).orElse(Map.of());
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "portal/index";
        }
        String email = form.getEmail().strip();
        Verdict allowed = limits.subject(Limit.REQUEST_FORM, email);
        if (allowed.allowed()) {
            allowed = limits.mailTo(Limit.REQUEST_FORM, email);
        }
        if (!allowed.allowed()) {
            // The request is refused (it could not be verified without mail), but the browser's opt-out still counts.
            if (GlobalPrivacyControl.sentBy(request)) {
                preferences.optOut(email, Purpose.SALE_SHARING, SignalSource.GPC, regime.get());
            }
            allowed.orThrow();
        }
        SubmittedRequest submitted = intake.submit(new NewRequest(type.get(), regime.get(),
                new SubjectIdentity(form.getEmail().strip(), form.getName().strip(), PortalInput.blankToNull(form.getAccountId())),
                PortalInput.blankToNull(form.getDetails()), Channel.WEB_FORM, null, Actors.SUBJECT, corrections)
                .inLanguage(Languages.current()));
        if (GlobalPrivacyControl.sentBy(request)) {
            // The browser's signal applies to the person the form names, whatever they asked for (CCPA §7025).
            preferences.optOut(form.getEmail().strip(), Purpose.SALE_SHARING, SignalSource.GPC, regime.get());
            redirect.addFlashAttribute("gpcHonoured", true);
        }
        // Only what the next page shows: without a session the flash attributes travel in a cookie (sealed), and
        // the name, email and details the subject typed have no reason to.
        redirect.addFlashAttribute("submitted", Receipt.of(submitted.request()));
        redirect.addFlashAttribute("statusToken", submitted.statusToken());
        return "redirect:/requests/submitted";
    }

    /**
     * The correction lines as field → value, each problem reported against its line. Lines of other request types
     * are ignored: the subject may have filled them in before choosing another request.
     */
    private static Map<String, String> corrections(RequestForm form, Set<String> known, Map<String, String> labels,
                                                   BindingResult errors) {
        Map<String, String> corrections = new LinkedHashMap<>();
        Map<String, String> pathOf = new LinkedHashMap<>();
        List<RequestForm.CorrectionLine> lines = form.getCorrections();
        for (int i = 0; i < Math.min(lines.size(), RequestForm.CORRECTION_LINES); i++) {
            RequestForm.CorrectionLine line = lines.get(i);
            String path = "corrections[" + i + "]";
            if (line.blank()) {
                continue;
            }
            String field = line.getField() == null ? "" : line.getField().strip();
            String value = line.getValue() == null ? "" : line.getValue().strip();
            if (field.isEmpty()) {
                errors.rejectValue(path + ".field", "portal.form.corrections.required", new Object[] {i + 1},
                        "Choose which data is wrong on line " + (i + 1));
            } else if (corrections.containsKey(field)) {
                errors.rejectValue(path + ".field", "portal.form.corrections.duplicate", new Object[] {i + 1},
                        "Line " + (i + 1) + " names the same data as an earlier line; put both in one line");
            } else {
                corrections.put(field, value);
                pathOf.put(field, path);
            }
        }
        if (errors.hasFieldErrors("corrections*")) {
            return corrections;
        }
        for (RequestedCorrections.Problem problem : RequestedCorrections.problems(RequestType.CORRECTION, corrections,
                known)) {
            boolean aboutTheField = problem.kind() == RequestedCorrections.Kind.UNKNOWN_FIELD;
            String path = problem.field() == null || !pathOf.containsKey(problem.field()) ? "corrections[0].field"
                    : pathOf.get(problem.field()) + (aboutTheField ? ".field" : ".value");
            // In the subject's words: the field by its label in their language, the limits as numbers.
            String label = problem.field() == null ? "" : labels.getOrDefault(problem.field(),
                    RequestedCorrections.label(problem.field()));
            errors.rejectValue(path, "portal.form.corrections." + problem.kind(), new Object[] {label,
                    problem.kind() == RequestedCorrections.Kind.TOO_MANY ? RequestedCorrections.MAX_FIELDS
                            : RequestedCorrections.MAX_VALUE_LENGTH}, problem.message());
        }
        return corrections;
    }

    /** Shown once after a submission (flash attributes); reloading it leads back to the form. */
    @GetMapping("/requests/submitted")
    String submitted(Model model) {
        if (!model.containsAttribute("submitted")) {
            return "redirect:/";
        }
        return "portal/submitted";
    }
}
