package org.rightsflow.limits;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A spent limit on a page: 429, {@code Retry-After}, and a page that says what was not done and when to try again.
 * The JSON API answers the same exception with a problem document of its own (api's error handler comes first).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class TooManyRequestsPage {

    @ExceptionHandler(LimitExceeded.class)
    ModelAndView tooMany(LimitExceeded refusal, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        ModelAndView page = new ModelAndView("error/too-many-requests");
        page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("limited", refusal);
        return page;
    }
}
