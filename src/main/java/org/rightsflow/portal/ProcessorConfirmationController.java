package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.rightsflow.connector.AnswerNotAwaited;
import org.rightsflow.connector.CallbackReceipt;
import org.rightsflow.connector.PendingConfirmation;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.connector.SystemCallbacks;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.Limited;
import org.rightsflow.support.EnumNames;
import org.rightsflow.support.LockConflicts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link a processor receives by email (GDPR Art. 19, CCPA §7022): opening it shows what to confirm; only the
 * button (a POST) confirms, so a mail scanner that opens links confirms nothing.
 */
@Controller
class ProcessorConfirmationController {

    static final int MAX_NOTE = 4000;

    private final SystemCallbacks callbacks;

    ProcessorConfirmationController(SystemCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Limited(Limit.SECRET_LINK)
    @GetMapping("/processors/confirm/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<PendingConfirmation> pending = callbacks.pendingConfirmation(token);
        if (pending.isEmpty()) {
            return problem("unknown", model, response, HttpServletResponse.SC_NOT_FOUND);
        }
        if (pending.get().alreadyConfirmed()) {
            return problem("confirmed", model, response, HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("pending", pending.get());
        model.addAttribute("token", token);
        return "portal/processor-confirm";
    }

    @Limited(Limit.SECRET_LINK)
    @PostMapping("/processors/confirm/{token}")
    String confirm(@PathVariable String token, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        Optional<PendingConfirmation> pending = callbacks.pendingConfirmation(token);
        if (pending.isEmpty()) {
            return problem("unknown", model, response, HttpServletResponse.SC_NOT_FOUND);
        }
        // A form of the time before the three answers posted only the note: that meant "done".
        Optional<SystemOutcome> answer = outcome == null ? Optional.of(SystemOutcome.DONE)
                : EnumNames.parse(SystemOutcome.class, outcome);
        if (answer.isEmpty()) {
            return again(pending.get(), token, outcome, note, "outcomeError", "Choose one of the three answers",
                    model, response);
        }
        if (note != null && note.length() > MAX_NOTE) {
            return again(pending.get(), token, outcome, note, "noteError", "Keep the note under 4,000 characters",
                    model, response);
        }
        if (answer.get() == SystemOutcome.NOT_DONE && (note == null || note.isBlank())) {
            return again(pending.get(), token, outcome, note, "noteError", "Say why you cannot carry it out: the "
                    + "privacy team reads it, and the person is told", model, response);
        }
        CallbackReceipt receipt;
        try {
            receipt = LockConflicts.retry(() -> callbacks.confirmProcessor(token, answer.get(), note));
        } catch (AnswerNotAwaited alreadyAnswered) {
            return problem("confirmed", model, response, HttpServletResponse.SC_CONFLICT);
        }
        return switch (receipt) {
            case ACCEPTED -> {
                model.addAttribute("pending", pending.get());
                model.addAttribute("outcome", answer.get());
                yield "portal/processor-confirmed";
            }
            case ALREADY_RECEIVED -> problem("confirmed", model, response, HttpServletResponse.SC_CONFLICT);
            default -> problem("unknown", model, response, HttpServletResponse.SC_NOT_FOUND);
        };
    }

    /** The form again with what was typed and the problem, as a 400. */
    private static String again(PendingConfirmation pending, String token, String outcome, String note,
                                String errorName, String error, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("pending", pending);
        model.addAttribute("token", token);
        model.addAttribute("chosen", outcome);
        model.addAttribute("note", note);
        model.addAttribute(errorName, error);
        return "portal/processor-confirm";
    }

    private static String problem(String problem, Model model, HttpServletResponse response, int status) {
        response.setStatus(status);
        model.addAttribute("problem", problem);
        return "portal/processor-problem";
    }
}
