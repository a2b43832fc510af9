package org.rightsflow.api;

import org.rightsflow.connector.AnswerNotAwaited;
import org.rightsflow.connector.CallbackOutcome;
import org.rightsflow.connector.SystemCallbacks;
import org.rightsflow.support.LockConflicts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/callbacks/{token}}: an http system posts the result of an action it accepted with 202. The
 * signature (same scheme and secret as Rightsflow's call) is the authentication; the token says which step it is.
 * 204 accepted, 400 malformed, 401 bad or stale signature, 404 unknown token, 409 already received.
 */
@RestController
class CallbacksApiController {

    static final String TIMESTAMP_HEADER = "X-Rightsflow-Timestamp";
    static final String SIGNATURE_HEADER = "X-Rightsflow-Signature";

    private final SystemCallbacks callbacks;

    CallbacksApiController(SystemCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping("/api/v1/callbacks/{token}")
    ResponseEntity<?> receive(@PathVariable String token,
                              @RequestHeader(name = TIMESTAMP_HEADER, required = false) String timestamp,
                              @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
                              @RequestBody(required = false) byte[] body) {
        CallbackOutcome outcome;
        try {
            byte[] received = body == null ? new byte[0] : body;
            outcome = LockConflicts.retry(() -> callbacks.receiveHttpCallback(token, timestamp, signature, received));
        } catch (AnswerNotAwaited late) {
            return problem(HttpStatus.CONFLICT, "Not waiting", "No step waits for this answer any more.");
        }
        return switch (outcome.receipt()) {
            case ACCEPTED -> ResponseEntity.noContent().build();
            case UNKNOWN -> problem(HttpStatus.NOT_FOUND, "Unknown callback", "No step waits at this address.");
            case BAD_SIGNATURE -> problem(HttpStatus.UNAUTHORIZED, "Bad signature",
                    "The signature is missing, wrong, or more than 5 minutes from now.");
            case ALREADY_RECEIVED -> problem(HttpStatus.CONFLICT, "Already received",
                    "This step's answer was received before.");
            case MALFORMED -> problem(HttpStatus.BAD_REQUEST, "Malformed result", outcome.problem());
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
