package org.rightsflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The staff login page and the page shown when a request is refused. */
@Controller
class LoginController {

    private final Clock clock;
    private final SsoProperties sso;

    LoginController(Clock clock, SsoProperties sso) {
        this.clock = clock;
        this.sso = sso;
    }

    /** What the login page offers: the form, the provider's button (docs/sso.md), or both. */
    @ModelAttribute
    void signInChoices(Model model) {
        model.addAttribute("formLogin", sso.formLogin());
        model.addAttribute("ssoProvider", sso.enabled() ? sso.providerName() : null);
        model.addAttribute("ssoStart", SsoLogin.START_PATH);
    }

    @GetMapping("/login")
    String login() {
        return "staff/login";
    }

    /**
     * A single sign-on that signed nobody in ({@link SsoLogin.Refusals} forwards here): why, in words, with the
     * status of the refusal. Opened directly, it goes to the login page.
     */
    @RequestMapping(SsoLogin.REFUSED_PAGE)
    String ssoRefused(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(SsoLogin.REFUSAL) instanceof SsoRefusal refusal)) {
            return "redirect:/login";
        }
        response.setStatus(refusal.status());
        model.addAttribute("refusal", refusal.name());
        return "staff/sso-refused";
    }

    /** A sign-in refused by a limit ({@link LoginLimits}): 429, and the sign-in page saying when to try again. */
    @RequestMapping(LoginLimits.LIMITED_PAGE)
    String limited(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(LoginLimits.RETRY_AT) instanceof Instant retryAt)) {
            return "redirect:/login";
        }
        long seconds = Math.max(1, (Duration.between(clock.instant(), retryAt).toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        model.addAttribute("retryAt", retryAt);
        model.addAttribute("retryMinutes", (seconds + 59) / 60);
        return "staff/login";
    }

    /** Set by Tomcat when it could not read a form's fields, e.g. an upload over the size limit. */
    static final String PARAMETER_PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

    /**
     * Access denied: explains an upload too large to read (its CSRF token could not be read either), an expired form
     * (missing or stale CSRF token) and a missing right differently.
     */
    @RequestMapping("/denied")
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object cause = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        if (cause instanceof CsrfException && request.getAttribute(PARAMETER_PARSE_FAILED) != null) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            model.addAttribute("tooLarge", true);
            return "error/denied";
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("expiredForm", cause instanceof CsrfException);
        return "error/denied";
    }
}
