package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.rightsflow.connector.AnswerNotAwaited;
import org.rightsflow.connector.CallbackReceipt;
import org.rightsflow.connector.PendingConfirmation;
import org.rightsflow.connector.SystemCallbacks;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.Limited;
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
    String confirm(@PathVariable String token, @RequestParam(required = false) String note, Model model,
                   HttpServletResponse response) {
        Optional<PendingConfirmation> pending = callbacks.pendingConfirmation(token);
        if (pending.isEmpty()) {
            return problem("unknown", model, response, HttpServletResponse.SC_NOT_FOUND);
        }
        if (note != null && note.length() > MAX_NOTE) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("pending", pending.get());
            model.addAttribute("token", token);
            model.addAttribute("note", note);
            model.addAttribute("noteError", "Keep the note under 4,000 characters");
            return "portal/processor-confirm";
        }
        CallbackReceipt receipt;
        try {
            receipt = LockConflicts.retry(() -> callbacks.confirmProcessor(token, note));
        } catch (AnswerNotAwaited alreadyAnswered) {
            return problem("confirmed", model, response, HttpServletResponse.SC_CONFLICT);
        }
        return switch (receipt) {
            case ACCEPTED -> {
                model.addAttribute("pending", pending.get());
                yield "portal/processor-confirmed";
            }
            case ALREADY_RECEIVED -> problem("confirmed", model, response, HttpServletResponse.SC_CONFLICT);
            default -> problem("unknown", model, response, HttpServletResponse.SC_NOT_FOUND);
        };
    }

    private static String problem(String problem, Model model, HttpServletResponse response, int status) {
        response.setStatus(status);
        model.addAttribute("problem", problem);
        return "portal/processor-problem";
    }
}
