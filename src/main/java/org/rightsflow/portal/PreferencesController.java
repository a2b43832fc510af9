package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.Limited;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.optout.Choice;
import org.rightsflow.optout.ConsentState;
import org.rightsflow.optout.OptOutProperties;
import org.rightsflow.optout.PreferenceCenter.VerifiedSubject;
import org.rightsflow.optout.PreferenceCenter;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.Recorded;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.support.EnumNames;
import org.rightsflow.support.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The preference center: a subject asks for a link, opens it from their mailbox, and sees and changes their
 * choices for as long as the link is valid. The link only starts a session: the token leaves the address bar at
 * once. While signed in, a browser's GPC signal opts the subject out of sale and sharing, and the page says so.
 */
@Controller
class PreferencesController {

    static final String SESSION_SUBJECT = "rightsflow.preferences.subject";

    private final PreferenceCenter preferences;
    private final OptOutProperties properties;
    private final Clock clock;
    private final RateLimits limits;
    private final MessageSource messages;

    PreferencesController(PreferenceCenter preferences, OptOutProperties properties, Clock clock, RateLimits limits,
                          MessageSource messages) {
        this.messages = messages;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
        this.limits = limits;
    }

    @GetMapping("/preferences")
    String start(Model model) {
        model.addAttribute("optOutForm", new OptOutForm());
        return "portal/preferences";
    }

    @Limited(Limit.PREFERENCE_LINK)
    @PostMapping("/preferences")
    String sendLink(@Valid @ModelAttribute("optOutForm") OptOutForm form, BindingResult errors, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "portal/preferences";
        }
        String email = form.getEmail().strip();
        // The browser's opt-out is recorded even when no link can be sent.
        boolean gpc = GlobalPrivacyControl.sentBy(request);
        if (gpc) {
            preferences.optOut(email, Purpose.SALE_SHARING, SignalSource.GPC, properties.defaultRegime());
        }
        limits.subject(Limit.PREFERENCE_LINK, email).orThrow();
        limits.mailTo(Limit.PREFERENCE_LINK, email).orThrow();
        preferences.sendLink(email);
        redirect.addFlashAttribute("linkSent", true);
        redirect.addFlashAttribute("gpcHonoured", gpc);
        return "redirect:/preferences/sent";
    }

    @GetMapping("/preferences/sent")
    String sent(Model model) {
        if (!model.containsAttribute("linkSent")) {
            return "redirect:/preferences";
        }
        return "portal/preferences-sent";
    }

    /** Opens the session from an emailed link, then moves the token out of the address bar. */
    @Limited(Limit.SECRET_LINK)
    @GetMapping("/preferences/{token}")
    String follow(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<VerifiedSubject> subject = preferences.follow(token);
        if (subject.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "preferences-link");
            return "portal/link-problem";
        }
        // A new session for the signed-in subject: an earlier session id cannot be fixed on them.
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(SESSION_SUBJECT, subject.get());
        return "redirect:/preferences/manage";
    }

    @GetMapping("/preferences/manage")
    String manage(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<VerifiedSubject> subject = signedIn(request);
        if (subject.isEmpty()) {
            return signedOut(response, model);
        }
        if (GlobalPrivacyControl.sentBy(request)) {
            List<Recorded> recorded = preferences.choose(subject.get(), Map.of(Purpose.SALE_SHARING, Choice.OPT_OUT),
                    SignalSource.GPC, properties.defaultRegime());
            model.addAttribute("gpcHonoured", true);
            model.addAttribute("gpcRecorded", recorded.stream()
                    .anyMatch(r -> r.outcome() == Recorded.Outcome.RECORDED));
        }
        return page(subject.get(), model);
    }

    @PostMapping("/preferences/manage")
    String save(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                Model model, RedirectAttributes redirect) {
        Optional<VerifiedSubject> subject = signedIn(request);
        if (subject.isEmpty()) {
            return signedOut(response, model);
        }
        Map<Purpose, Choice> current = current(subject.get());
        Map<Purpose, Choice> choices = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            String value = form.get("choice-" + purpose.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            Optional<Choice> choice = EnumNames.parse(Choice.class, value);
            if (choice.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("problem", messages.getMessage("followup.preferences.manage.badChoice", null,
                        Languages.current()));
                return page(subject.get(), model);
            }
            // Only what the subject changed: a purpose never chosen shows as allowed, and saving it so records nothing.
            if (choice.get() != current.get(purpose)) {
                choices.put(purpose, choice.get());
            }
        }
        List<Recorded> recorded = preferences.choose(subject.get(), choices, SignalSource.PREFERENCE_CENTER,
                properties.defaultRegime());
        redirect.addFlashAttribute("saved", recorded.stream().filter(r -> r.outcome() == Recorded.Outcome.RECORDED)
                .count());
        return "redirect:/preferences/manage";
    }

    @PostMapping("/preferences/sign-out")
    String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/preferences";
    }

    /** Each purpose's choice as the page shows it: never chosen counts as allowed (nobody is opted out unasked). */
    private Map<Purpose, Choice> current(VerifiedSubject subject) {
        Map<Purpose, ConsentState> states = preferences.choicesOf(subject);
        Map<Purpose, Choice> current = new EnumMap<>(Purpose.class);
        for (Purpose purpose : Purpose.values()) {
            current.put(purpose, states.containsKey(purpose) ? states.get(purpose).choice() : Choice.OPT_IN);
        }
        return current;
    }

    private String page(VerifiedSubject subject, Model model) {
        Map<Purpose, Choice> current = current(subject);
        model.addAttribute("email", subject.email());
        model.addAttribute("until", subject.until());
        model.addAttribute("current", current);
        model.addAttribute("history", preferences.historyOf(subject));
        model.addAttribute("purposes", List.of(Purpose.values()));
        return "portal/preferences-manage";
    }

    private String signedOut(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("problem", "preferences-signed-out");
        return "portal/link-problem";
    }

    private Optional<VerifiedSubject> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object subject = session == null ? null : session.getAttribute(SESSION_SUBJECT);
        if (subject instanceof VerifiedSubject verified && verified.until().isAfter(clock.instant())) {
            return Optional.of(verified);
        }
        return Optional.empty();
    }
}
