package org.rightsflow.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.rightsflow.limits.ControlCharacterInJson;
import org.rightsflow.limits.LimitExceeded;
import org.rightsflow.request.UnknownRequestException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 7807 problem details; invalid input names its fields. Never a stack trace. Scoped to the
 * API's controllers: the portal and staff pages keep their HTML error pages.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                problems.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalidFields(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof ControlCharacterInJson invisible) {
            return ResponseEntity.badRequest().body(invalidFields(List.of(
                    new FieldProblem(invisible.field(), invisible.problem()))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not valid JSON of the expected shape (or CSV, where accepted), or it was cut off.");
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalid(InvalidFieldsException e) {
        return invalidFields(e.problems());
    }

    /** A spent budget (per API key): 429 with Retry-After, so a client's back-off knows how long to wait. */
    @ExceptionHandler(LimitExceeded.class)
    ResponseEntity<ProblemDetail> limited(LimitExceeded e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.limit().notDone()
                + ": too many requests with this API key. Try again in " + e.retryAfterSeconds() + " seconds.");
        problem.setTitle("Too many requests");
        problem.setType(URI.create("https://rightsflow.org/problems/too-many-requests"));
        problem.setProperty("retryAt", e.retryAt());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(UnknownRequestException.class)
    ProblemDetail unknown(UnknownRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No request has this reference.");
        problem.setTitle("Unknown request");
        return problem;
    }

    private static ProblemDetail invalidFields(List<FieldProblem> problems) {
        // Bean validation and the vocabulary checks may both see a blank field: report each problem once.
        List<FieldProblem> distinct = problems.stream().distinct().toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are missing or invalid: " + distinct.stream().map(FieldProblem::field).distinct().toList());
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://rightsflow.org/problems/invalid-fields"));
        problem.setProperty("errors", distinct);
        return problem;
    }
}
