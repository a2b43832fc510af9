package org.rightsflow.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page of a form refused by {@link ControlCharacterFilter}: 400, naming the field, nothing saved. */
@Controller
class BadInputPage {

    /** Reached only by the filter's forward; opened directly it is just a page that is not there. */
    public static final String PATH = "/bad-input";

    @RequestMapping(PATH)
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object field = request.getAttribute(ControlCharacterFilter.REFUSED_FIELD);
        int status = field == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute(ControlCharacterFilter.REFUSED_FIELD, field);
        return "error";
    }
}
