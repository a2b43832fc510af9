package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.rightsflow.audit.Actors;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.Channel;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.request.SubmittedRequest;
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

    PrivacyCenterController(RequestIntake intake) {
        this.intake = intake;
    }

    @ModelAttribute("requestTypes")
    List<RequestType> requestTypes() {
        return List.of(RequestType.values());
    }

    @ModelAttribute("regimes")
    List<Regime> regimes() {
        return List.of(Regime.values());
    }

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("form", new RequestForm());
        return "portal/index";
    }

    @PostMapping("/requests")
    String submit(@Valid @ModelAttribute("form") RequestForm form, BindingResult errors,
                  RedirectAttributes redirect, HttpServletResponse response) {
        Optional<RequestType> type = PortalInput.requestType(form.getType());
        Optional<Regime> regime = PortalInput.regime(form.getRegime());
        if (form.getType() != null && !form.getType().isBlank() && type.isEmpty()) {
            errors.rejectValue("type", "unknown", "Choose one of the listed requests");
        }
        if (form.getRegime() != null && !form.getRegime().isBlank() && regime.isEmpty()) {
            errors.rejectValue("regime", "unknown", "Choose one of the listed places");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "portal/index";
        }
        SubmittedRequest submitted = intake.submit(new NewRequest(type.get(), regime.get(),
                new SubjectIdentity(form.getEmail().strip(), form.getName().strip(), PortalInput.blankToNull(form.getAccountId())),
                PortalInput.blankToNull(form.getDetails()), Channel.WEB_FORM, null, Actors.SUBJECT));
        redirect.addFlashAttribute("submitted", submitted.request());
        redirect.addFlashAttribute("statusToken", submitted.statusToken());
        return "redirect:/requests/submitted";
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
