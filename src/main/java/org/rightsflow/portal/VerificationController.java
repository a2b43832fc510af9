package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.Limited;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.verification.IdentityVerification;
import org.rightsflow.verification.LinkCheck;
import org.rightsflow.verification.VerificationNotAccepted;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The emailed confirmation link. Opening it shows a button; only pressing it (a POST) confirms. Mail scanners
 * that open every link therefore cannot confirm a request on the subject's behalf.
 */
@Controller
class VerificationController {

    private final IdentityVerification verification;
    private final RequestDirectory requests;

    VerificationController(IdentityVerification verification, RequestDirectory requests) {
        this.verification = verification;
        this.requests = requests;
    }

    @Limited(Limit.SECRET_LINK)
    @GetMapping("/verify/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        LinkCheck check = verification.check(token);
        if (check.state() != LinkCheck.State.VALID) {
            return refused(check, model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("request", requests.get(check.reference()));
        return "portal/verify";
    }

    @Limited(Limit.SECRET_LINK)
    @PostMapping("/verify/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        LinkCheck check;
        try {
            check = verification.confirm(token);
        } catch (VerificationNotAccepted notWaiting) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", "closed");
            return "portal/link-problem";
        }
        if (check.state() != LinkCheck.State.VALID) {
            return refused(check, model, response);
        }
        model.addAttribute("request", requests.get(check.reference()));
        model.addAttribute("statusToken", requests.statusToken(check.reference()));
        return "portal/verified";
    }

    private static String refused(LinkCheck check, Model model, HttpServletResponse response) {
        switch (check.state()) {
            case USED -> {
                response.setStatus(HttpServletResponse.SC_GONE);
                model.addAttribute("problem", "used");
            }
            case EXPIRED -> {
                response.setStatus(HttpServletResponse.SC_GONE);
                model.addAttribute("problem", "expired");
            }
            default -> {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("problem", "unknown");
            }
        }
        return "portal/link-problem";
    }
}
