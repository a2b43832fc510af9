package org.rightsflow.staff;

import org.rightsflow.audit.AccessLog;
import org.rightsflow.audit.AccessRecord;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Who saw a request's personal data, for privacy officers and admins (the security configuration keeps everyone
 * else out): per request or per staff member (or API key, as "API (name)"), newest first, a page at a time.
 */
@Controller
class AccessLogController {

    private static final int MAX_QUERY = 100;

    private final AccessLog accessLog;
    private final int pageSize;

    AccessLogController(AccessLog accessLog, StaffPagesProperties pages) {
        this.accessLog = accessLog;
        this.pageSize = pages.pageSize();
    }

    @GetMapping("/staff/access-log")
    String log(@RequestParam(required = false) String request, @RequestParam(required = false) String staff,
               @RequestParam(defaultValue = "1") String page, Model model) {
        String reference = cleaned(request);
        String actor = reference == null ? cleaned(staff) : null;
        model.addAttribute("request", reference);
        model.addAttribute("staff", actor);
        if (reference == null && actor == null) {
            return "staff/access-log";
        }
        int number = PageLinks.number(page) - 1;
        Page<AccessRecord> shown = fetch(reference, actor, number);
        if (shown.getNumber() >= shown.getTotalPages() && shown.getTotalPages() > 0) {
            shown = fetch(reference, actor, shown.getTotalPages() - 1);
        }
        model.addAttribute("entries", shown.getContent());
        model.addAttribute("total", shown.getTotalElements());
        model.addAttribute("paging", PageLinks.of(shown.getNumber() + 1, shown.getTotalPages()));
        model.addAttribute("path", UriComponentsBuilder.fromPath("/staff/access-log")
                .queryParam(reference != null ? "request" : "staff", reference != null ? reference : actor)
                .encode().build().toUriString());
        return "staff/access-log";
    }

    private Page<AccessRecord> fetch(String reference, String actor, int number) {
        return reference != null ? accessLog.ofReference(reference, number, pageSize)
                : accessLog.ofActor(actor, number, pageSize);
    }

    private static String cleaned(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > MAX_QUERY ? stripped.substring(0, MAX_QUERY) : stripped;
    }
}
