package org.rightsflow.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.rightsflow.request.UnknownRequestException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every API error as RFC 7807 problem details; invalid input names its fields. Never a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                problems.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        return invalidFields(problems);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalid(InvalidFieldsException e) {
        return invalidFields(e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not valid JSON of the expected shape.");
        problem.setTitle("Unreadable request body");
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json.");
        problem.setTitle("Unsupported media type");
        return problem;
    }

    @ExceptionHandler(UnknownRequestException.class)
    ProblemDetail unknown(UnknownRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No request has this reference.");
        problem.setTitle("Unknown request");
        return problem;
    }

    private static ProblemDetail invalidFields(List<FieldProblem> reported) {
        // A blank value can fail both bean validation and the vocabulary check with the same message: report it once.
        List<FieldProblem> problems = reported.stream().distinct().toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are missing or invalid: " + problems.stream().map(FieldProblem::field).distinct().toList());
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://rightsflow.org/problems/invalid-fields"));
        problem.setProperty("errors", problems);
        return problem;
    }
}
