package org.rightsflow.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an emailed set-password link opens (public: its person is not signed in). The token is in the path, as
 * for the portal's links; the page is sent with no referrer, so it never leaves in a Referer header.
 */
@Controller
class SetPasswordController {

    static final String PATH = "/staff/set-password/{token}";

    private final SetPasswordService service;

    SetPasswordController(SetPasswordService service) {
        this.service = service;
    }

    @GetMapping(PATH)
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        SetPasswordLinks.Check check = service.check(token);
        if (check.state() != SetPasswordLinks.State.USABLE) {
            return refused(check.state(), model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("username", check.username());
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordRules.MAX_LENGTH);
        return "staff/set-password";
    }

    @PostMapping(PATH)
    String set(@PathVariable String token, @RequestParam(defaultValue = "") String password,
               @RequestParam(defaultValue = "") String repeated, Model model, HttpServletResponse response) {
        SetPasswordService.Outcome outcome = service.set(token, password, repeated);
        if (outcome.link() != SetPasswordLinks.State.USABLE) {
            return refused(outcome.link(), model, response);
        }
        if (!outcome.done()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", outcome.problems());
            model.addAttribute("token", token);
            model.addAttribute("username", service.check(token).username());
            model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
            model.addAttribute("maxLength", PasswordRules.MAX_LENGTH);
            return "staff/set-password";
        }
        return "redirect:/login?passwordSet";
    }

    private static String refused(SetPasswordLinks.State state, Model model, HttpServletResponse response) {
        response.setStatus(state == SetPasswordLinks.State.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND
                : HttpServletResponse.SC_GONE);
        model.addAttribute("problem", state.name().toLowerCase(java.util.Locale.ROOT));
        return "staff/set-password-problem";
    }
}
