package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit is refused before any controller runs (so this advice is global): the person
 * gets a page that says so and that nothing was saved, not a bare 413.
 */
@ControllerAdvice
class UploadLimits {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        model.addAttribute("tooLarge", true);
        return "error/denied";
    }
}
