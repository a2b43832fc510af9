package org.rightsflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The staff login page and the page shown when a request is refused. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "staff/login";
    }

    /** Access denied: explains an expired form (missing or stale CSRF token) differently from a missing right. */
    @RequestMapping("/denied")
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        Object cause = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        model.addAttribute("expiredForm", cause instanceof CsrfException);
        return "error/denied";
    }
}
