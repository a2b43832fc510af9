package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The status page behind the secret link in every email: where the request stands, in plain words. */
@Controller
class StatusController {

    private final RequestDirectory requests;
    private final Timeline timeline;

    StatusController(RequestDirectory requests, Timeline timeline) {
        this.requests = requests;
        this.timeline = timeline;
    }

    @GetMapping("/status/{token}")
    String status(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<RequestDetails> request = requests.findByStatusToken(token);
        if (request.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "unknown-status");
            return "portal/link-problem";
        }
        List<TimelineEntryView> visible = timeline.entries(request.get().reference()).stream()
                .filter(entry -> entry.kind().shownToSubject()).toList();
        model.addAttribute("request", request.get());
        model.addAttribute("timeline", visible);
        return "portal/status";
    }
}
