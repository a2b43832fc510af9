package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.rightsflow.access.PackageDelivery.CodeOutcome;
import org.rightsflow.access.PackageDelivery.Grant;
import org.rightsflow.access.PackageDelivery.Redeemed;
import org.rightsflow.access.PackageDelivery;
import org.rightsflow.access.PackageView;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.Limited;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.request.AppealRejected;
import org.rightsflow.request.AppealView;
import org.rightsflow.request.Duplicates;
import org.rightsflow.request.MessageView;
import org.rightsflow.request.PauseRefused;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestLifecycle;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.Refusal;
import org.rightsflow.support.DisplayDates;
import org.rightsflow.support.Languages;
import org.rightsflow.support.LockConflicts;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The status page behind the secret link in every email: where the request stands, in plain words, and for an
 * access or portability request the download of the answer, after a one-time code sent to the subject's address.
 */
@Controller
class StatusController {

    private final RequestDirectory requests;
    private final Timeline timeline;
    private final PackageDelivery delivery;
    private final RequestLifecycle lifecycle;
    private final SystemRegistry systems;
    private final RateLimits limits;
    private final StatutoryClock statutoryClock;
    private final DisplayDates dates;
    private final Duplicates duplicates;
    private final MessageSource messages;

    StatusController(RequestDirectory requests, Timeline timeline, PackageDelivery delivery,
                     RequestLifecycle lifecycle, SystemRegistry systems, RateLimits limits,
                     StatutoryClock statutoryClock, DisplayDates dates, Duplicates duplicates,
                     MessageSource messages) {
        this.messages = messages;
        this.duplicates = duplicates;
        this.statutoryClock = statutoryClock;
        this.dates = dates;
        this.limits = limits;
        this.lifecycle = lifecycle;
        this.systems = systems;
        this.requests = requests;
        this.timeline = timeline;
        this.delivery = delivery;
    }

    @Limited(Limit.STATUS_PAGE)
    @GetMapping("/status/{token}")
    String status(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<RequestDetails> request = requests.findByStatusToken(token);
        if (request.isEmpty()) {
            return unknown(model, response);
        }
        return statusPage(token, request.get(), model);
    }

    /**
     * The subject answers the question staff left on this page; the clock runs again. The status link is the proof:
     * it was sent only to the subject's address.
     */
    @Limited(Limit.STATUS_PAGE)
    @PostMapping("/status/{token}/answer")
    String answer(@PathVariable String token, @RequestParam(name = "answer", required = false) String answer,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<RequestDetails> request = requests.findByStatusToken(token);
        if (request.isEmpty()) {
            return unknown(model, response);
        }
        // The lifecycle checks the same and says so in English for staff; the subject reads it in their language.
        String problem = writtenProblem(answer, "followup.status.answer");
        try {
            if (problem == null) {
                LockConflicts.retry(() -> lifecycle.answer(request.get().reference(), answer));
                redirect.addFlashAttribute("answerNotice", text("followup.status.answer.received"));
            }
        } catch (PauseRefused refused) {
            problem = text("followup.status.answer.notWaiting");
        }
        if (problem != null) {
            redirect.addFlashAttribute("answerError", problem);
            redirect.addFlashAttribute("answerText", answer);
        }
        return "redirect:/status/" + token + "#messages";
    }

    /** The subject appeals the decision on their request (where their law gives an appeal). */
    @Limited(Limit.STATUS_PAGE)
    @PostMapping("/status/{token}/appeal")
    String appeal(@PathVariable String token, @RequestParam(name = "statement", required = false) String statement,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<RequestDetails> request = requests.findByStatusToken(token);
        if (request.isEmpty()) {
            return unknown(model, response);
        }
        String problem = writtenProblem(statement, "followup.status.appeal");
        try {
            if (problem == null) {
                boolean refusedPart = refusedPart(request.get().reference());
                LockConflicts.retry(() -> lifecycle.appeal(request.get().reference(), statement, refusedPart));
                redirect.addFlashAttribute("appealNotice", text("followup.status.appeal.received"));
            }
        } catch (AppealRejected rejected) {
            // The form is shown only while an appeal is open to the subject: this is a second tab or a late click.
            problem = rejected.reason() == null ? text("followup.status.appeal.notPossible")
                    : text("followup.status.appeal.no." + rejected.reason().name(),
                    text("law." + request.get().regime().name()));
        }
        if (problem != null) {
            redirect.addFlashAttribute("appealError", problem);
            redirect.addFlashAttribute("appealStatement", statement);
        }
        return "redirect:/status/" + token + "#appeal";
    }

    /** Emails a one-time download code to the request's address. */
    @Limited({Limit.STATUS_PAGE, Limit.DOWNLOAD_CODE})
    @PostMapping("/status/{token}/package/code")
    String sendCode(@PathVariable String token, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        Optional<RequestDetails> request = requests.findByStatusToken(token);
        if (request.isEmpty()) {
            return unknown(model, response);
        }
        String email = request.get().subject().email();
        limits.subject(Limit.DOWNLOAD_CODE, email).orThrow();
        limits.mailTo(Limit.DOWNLOAD_CODE, email).orThrow();
        CodeOutcome outcome = delivery.sendCode(request.get().reference());
        if (outcome != CodeOutcome.SENT) {
            limits.mailNotSent(email);
        }
        switch (outcome) {
            case SENT -> redirect.addFlashAttribute("codeNotice", text("followup.status.code.sent",
                    delivery.codeValidity().toMinutes()));
            case TOO_MANY_CODES -> redirect.addFlashAttribute("codeError", text("followup.status.code.tooMany"));
            case NOT_AVAILABLE -> redirect.addFlashAttribute("codeError", text("followup.status.code.notAvailable"));
        }
        return "redirect:/status/" + token + "#your-data";
    }

    /** Checks the code; a right one opens a page with the single-use download link. */
    @Limited({Limit.STATUS_PAGE, Limit.CODE_ENTRY})
    @PostMapping("/status/{token}/package/download")
    String redeem(@PathVariable String token, @RequestParam(name = "code", required = false) String code,
                  Model model, HttpServletResponse response) {
        Optional<RequestDetails> request = requests.findByStatusToken(token);
        if (request.isEmpty()) {
            return unknown(model, response);
        }
        Redeemed redeemed = delivery.redeem(request.get().reference(), code == null ? "" : code.strip());
        if (redeemed.ok()) {
            model.addAttribute("request", request.get());
            model.addAttribute("accessPackage", delivery.find(request.get().reference()).orElseThrow());
            model.addAttribute("downloadPath", "/status/" + token + "/package/" + redeemed.ticket());
            model.addAttribute("statusPath", "/status/" + token);
            model.addAttribute("ticketMinutes", delivery.ticketValidity().toMinutes());
            return "portal/download";
        }
        response.setStatus(switch (redeemed.failure()) {
            case WRONG, NO_CODE -> HttpServletResponse.SC_BAD_REQUEST;
            case EXPIRED, NOT_AVAILABLE -> HttpServletResponse.SC_GONE;
            case USED -> HttpServletResponse.SC_CONFLICT;
            case TOO_MANY_ATTEMPTS -> 429;
        });
        model.addAttribute("codeError", switch (redeemed.failure()) {
            case WRONG -> text("followup.status.code.wrong", redeemed.attemptsLeft());
            case NO_CODE -> text("followup.status.code.none");
            case EXPIRED -> text("followup.status.code.expired");
            case USED -> text("followup.status.code.used");
            case TOO_MANY_ATTEMPTS -> text("followup.status.code.tooManyAttempts");
            case NOT_AVAILABLE -> text("followup.status.code.notAvailable");
        });
        return statusPage(token, request.get(), model);
    }

    /** The package itself: the link works once, for a few minutes, and only under its own request's page. */
    @Limited(Limit.STATUS_PAGE)
    @GetMapping("/status/{token}/package/{ticket}")
    String download(@PathVariable String token, @PathVariable String ticket, Model model,
                    HttpServletResponse response) throws IOException {
        Optional<RequestDetails> request = requests.findByStatusToken(token);
        if (request.isEmpty()) {
            return unknown(model, response);
        }
        Optional<Grant> grant = delivery.claimDownload(request.get().reference(), ticket);
        if (grant.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("problem", "download-used");
            model.addAttribute("statusPath", "/status/" + token);
            return "portal/link-problem";
        }
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(grant.get().fileName()).build().toString());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLengthLong(grant.get().sizeBytes());
        try (InputStream in = delivery.open(grant.get()); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
        return null;
    }

    private String statusPage(String token, RequestDetails request, Model model) {
        List<TimelineEntryView> visible = timeline.entries(request.reference()).stream()
                .filter(entry -> entry.kind().shownToSubject()).toList();
        model.addAttribute("request", request);
        model.addAttribute("timeline", visible);
        model.addAttribute("token", token);
        Optional<PackageView> accessPackage = delivery.find(request.reference());
        accessPackage.ifPresent(p -> model.addAttribute("accessPackage", p));
        model.addAttribute("downloadable", accessPackage.filter(delivery::downloadable).isPresent());
        List<MessageView> messages = requests.messages(request.reference());
        model.addAttribute("messages", messages);
        Optional<java.time.Instant> pausedSince = requests.pausedSince(request.reference());
        model.addAttribute("waitingForAnswer", pausedSince.isPresent());
        model.addAttribute("maxAnswer", RequestLifecycle.MAX_MESSAGE);
        Optional<AppealView> appeal = requests.appeal(request.reference());
        appeal.ifPresent(a -> model.addAttribute("appeal", a));
        boolean refusedPart = refusedPart(request.reference());
        model.addAttribute("appealable", request.status() == RequestStatus.CLOSED
                && lifecycle.whyNoAppeal(request.reference(), refusedPart).isEmpty());
        String question = pausedSince.isEmpty() ? null : messages.stream().filter(m -> !m.fromSubject())
                .reduce((first, second) -> second).map(MessageView::body).orElse(null);
        model.addAttribute("standing", StatusStanding.of(new StatusStanding.Facts(request, pausedSince, question,
                requests.extension(request.reference()), appeal,
                requests.refusal(request.reference()).map(Refusal::reasons).orElse(null), refusedPart,
                statutoryClock.policy(request.regime()).grantsAppeal(),
                duplicates.originalOf(request.reference()).orElse(null), followUpPath(request, appeal)), dates));
        return "portal/status";
    }

    /**
     * The status page of the request a granted appeal made. Its link is safe to show here: the follow-up is the same
     * person's request, made for the same address, and its own acknowledgement already brought that very link to
     * that mailbox; whoever holds this page's link holds that mailbox's mail. Nothing links another person's request.
     */
    private String followUpPath(RequestDetails request, Optional<AppealView> appeal) {
        return appeal.map(AppealView::followUpReference)
                .flatMap(requests::find)
                .filter(followUp -> followUp.subject().email().equalsIgnoreCase(request.subject().email()))
                .map(followUp -> "/status/" + requests.statusToken(followUp.reference()))
                .orElse(null);
    }

    /** Whether the answer left a system's part not done: a partial refusal the subject may appeal. */
    private boolean refusedPart(String reference) {
        return systems.resultsFor(reference).stream().anyMatch(result -> result.outcome() == SystemOutcome.NOT_DONE);
    }

    /** A notice in the language of the page the subject is on (i18n/followup). */
    /** What is wrong with a text the subject wrote (empty, too long), in their language; null when nothing. */
    private String writtenProblem(String written, String form) {
        String stripped = written == null ? "" : written.strip();
        if (stripped.isEmpty()) {
            return text(form + ".empty");
        }
        return stripped.length() > RequestLifecycle.MAX_MESSAGE
                ? text(form + ".tooLong", RequestLifecycle.MAX_MESSAGE) : null;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Languages.current());
    }

    private static String unknown(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("problem", "unknown-status");
        return "portal/link-problem";
    }
}
