package org.rightsflow.evidence;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.rightsflow.audit.AccessKind;
import org.rightsflow.audit.AccessLog;
import org.rightsflow.request.RequestDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Evidence packs for privacy officers and admins (the security configuration lets no one else in), and the public
 * key that verifies them, for anyone. Each pack issued is on the access log.
 */
@Controller
class EvidenceController {

    private static final String REFUSED = "staff/evidence-refused";

    private final EvidencePacks packs;
    private final SigningKey key;
    private final AccessLog accessLog;

    EvidenceController(EvidencePacks packs, SigningKey key, AccessLog accessLog) {
        this.packs = packs;
        this.key = key;
        this.accessLog = accessLog;
    }

    @GetMapping("/staff/evidence")
    String page(Model model) {
        model.addAttribute("available", key.available());
        model.addAttribute("throwaway", key.throwaway());
        model.addAttribute("fingerprint", key.fingerprint());
        model.addAttribute("maxYears", EvidencePacks.MAX_YEARS);
        return "staff/evidence";
    }

    @GetMapping("/staff/evidence/public-key.pem")
    ResponseEntity<String> publicKey() {
        return key.publicKeyPem()
                .map(pem -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                        .header("Content-Disposition", "inline; filename=\"rightsflow-evidence-public.pem\"").body(pem))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .contentType(MediaType.TEXT_PLAIN).body("No evidence signing key is configured.\n"));
    }

    /** Returns null once the zip is written; a page with its status otherwise. */
    @GetMapping("/staff/evidence/requests/{reference}.zip")
    ModelAndView requestPack(@PathVariable String reference, Principal principal, HttpServletResponse response)
            throws IOException {
        if (!packs.signingAvailable()) {
            return unavailable();
        }
        Optional<RequestDetails> request = packs.find(reference);
        if (request.isEmpty()) {
            return new ModelAndView("staff/request-not-found",
                    Map.of("reference", reference.length() > 40 ? reference.substring(0, 40) : reference),
                    HttpStatus.NOT_FOUND);
        }
        accessLog.record(principal.getName(), AccessKind.EXPORT, reference, "evidence pack");
        zipHeaders(response, "evidence-" + reference + ".zip");
        packs.writeRequest(request.get(), principal.getName(), response.getOutputStream());
        return null;
    }

    @GetMapping("/staff/evidence/period.zip")
    ModelAndView periodPack(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            Principal principal, HttpServletResponse response) throws IOException {
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from == null ? "" : from.strip());
            last = LocalDate.parse(to == null ? "" : to.strip());
        } catch (DateTimeParseException e) {
            return badPeriod("Give both days of the period as dates, e.g. from 2026-01-01 to 2026-12-31.");
        }
        if (last.isBefore(first)) {
            return badPeriod("The period ends before it starts: the first day must come before the last.");
        }
        if (last.isAfter(first.plusYears(EvidencePacks.MAX_YEARS).minusDays(1))) {
            return badPeriod("A pack covers at most " + EvidencePacks.MAX_YEARS + " years: split the period.");
        }
        if (!packs.signingAvailable()) {
            return unavailable();
        }
        accessLog.record(principal.getName(), AccessKind.EXPORT, null, "evidence pack " + first + " to " + last);
        zipHeaders(response, "evidence-" + first + "-to-" + last + ".zip");
        packs.writePeriod(first, last, principal.getName(), response.getOutputStream());
        return null;
    }

    private static void zipHeaders(HttpServletResponse response, String fileName) {
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
    }

    private static ModelAndView badPeriod(String message) {
        return new ModelAndView(REFUSED, Map.of("heading", "That period cannot be packed", "message", message),
                HttpStatus.BAD_REQUEST);
    }

    private static ModelAndView unavailable() {
        return new ModelAndView(REFUSED, Map.of("heading", "Evidence packs are not available",
                "message", "No signing key is configured (rightsflow.evidence.signing-key), so no pack could be"
                        + " verified. An administrator configures one; see docs/evidence.md."),
                HttpStatus.SERVICE_UNAVAILABLE);
    }
}
