package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.rightsflow.deadline.Regime;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.Limited;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.optout.OptOutProperties;
import org.rightsflow.optout.PreferenceCenter;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.Recorded;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.support.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages behind the links the CCPA names, "Do Not Sell or Share My Personal Information" and "Limit the Use of
 * My Sensitive Personal Information": one short form, no account, no verification (§7026(d), §7027). A browser's
 * GPC signal sent with the form is honoured too, as an opt-out of sale and sharing for the email given.
 */
@Controller
class OptOutController {

    static final String SALE_PATH = "/do-not-sell-or-share";
    static final String SENSITIVE_PATH = "/limit-sensitive-use";

    private final PreferenceCenter preferences;
    private final OptOutProperties properties;
    private final RateLimits limits;

    private final MessageSource messages;

    OptOutController(PreferenceCenter preferences, OptOutProperties properties, RateLimits limits,
                     MessageSource messages) {
        this.preferences = preferences;
        this.properties = properties;
        this.limits = limits;
        this.messages = messages;
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

    @ModelAttribute("gpc")
    boolean gpc(HttpServletRequest request) {
        return GlobalPrivacyControl.sentBy(request);
    }

    @GetMapping(SALE_PATH)
    String saleForm(Model model) {
        return form(model, Purpose.SALE_SHARING);
    }

    @GetMapping(SENSITIVE_PATH)
    String sensitiveForm(Model model) {
        return form(model, Purpose.SENSITIVE_USE);
    }

    @Limited(Limit.OPT_OUT_FORM)
    @PostMapping(SALE_PATH)
    String optOutOfSale(@Valid @ModelAttribute("optOutForm") OptOutForm form, BindingResult errors, Model model,
                        HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return submit(Purpose.SALE_SHARING, form, errors, model, request, response, redirect);
    }

    @Limited(Limit.OPT_OUT_FORM)
    @PostMapping(SENSITIVE_PATH)
    String limitSensitiveUse(@Valid @ModelAttribute("optOutForm") OptOutForm form, BindingResult errors, Model model,
                             HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return submit(Purpose.SENSITIVE_USE, form, errors, model, request, response, redirect);
    }

    /** Shown once after a submission (flash attributes); reloading it leads back to the form. */
    @GetMapping("/opted-out")
    String optedOut(Model model) {
        if (!model.containsAttribute("purpose")) {
            return "redirect:" + SALE_PATH;
        }
        return "portal/opted-out";
    }

    private String form(Model model, Purpose purpose) {
        if (!model.containsAttribute("optOutForm")) {
            model.addAttribute("optOutForm", new OptOutForm());
        }
        model.addAttribute("purpose", purpose);
        model.addAttribute("action", purpose == Purpose.SALE_SHARING ? SALE_PATH : SENSITIVE_PATH);
        return "portal/opt-out";
    }

    private String submit(Purpose purpose, OptOutForm form, BindingResult errors, Model model,
                          HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<Regime> regime = PortalInput.blankToNull(form.getRegime()) == null
                ? Optional.of(properties.defaultRegime()) : PortalInput.regime(form.getRegime());
        if (regime.isEmpty()) {
            errors.rejectValue("regime", "unknown", "Choose one of the listed places");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, purpose);
        }
        String email = form.getEmail().strip();
        // An opt-out is always recorded; only its confirmation email waits for the address's mail budget, which
        // anyone who types the address can spend.
        boolean confirm = limits.subject(Limit.OPT_OUT_FORM, email).allowed()
                && limits.mailTo(Limit.OPT_OUT_FORM, email).allowed();
        Recorded recorded = preferences.optOut(email, purpose, SignalSource.FORM, regime.get(), confirm);
        boolean gpcHonoured = false;
        if (GlobalPrivacyControl.sentBy(request) && purpose != Purpose.SALE_SHARING) {
            preferences.optOut(email, Purpose.SALE_SHARING, SignalSource.GPC, regime.get());
            gpcHonoured = true;
        }
        redirect.addFlashAttribute("purpose", purpose);
        redirect.addFlashAttribute("recorded", recorded);
        redirect.addFlashAttribute("gpcHonoured", gpcHonoured || GlobalPrivacyControl.sentBy(request));
        redirect.addFlashAttribute("email", email);
        redirect.addFlashAttribute("confirmationSent", confirm);
        return "redirect:/opted-out";
    }
}
