package org.rightsflow.staff;

import java.util.Map;
import org.rightsflow.security.StaffMember;
import org.rightsflow.workflow.RequestDiagrams;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The data behind the BPMN diagram on a privacy officer's request page (static/js/request-diagram.js draws it): each
 * model as deployed and the activities marked active, stopped by an incident or done, per system. Privacy officers
 * and admins only: a system owner sees only their own part of a request, and the diagram shows every system's.
 * Holds models, activity and system names, never the subject.
 */
@Controller
class RequestDiagramController {

    private final RequestDiagrams diagrams;

    RequestDiagramController(RequestDiagrams diagrams) {
        this.diagrams = diagrams;
    }

    @GetMapping(path = "/staff/requests/{reference}/diagram.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> diagram(@PathVariable String reference, @ModelAttribute("me") StaffMember me) {
        if (!me.overseesAllRequests()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of("error", "The diagram of a request is for privacy officers."));
        }
        return diagrams.of(reference)
                .<ResponseEntity<?>>map(diagram -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(diagram))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("error", "There is no process of a request " + shortened(reference) + ".")));
    }

    private static String shortened(String reference) {
        return reference.length() > 40 ? reference.substring(0, 40) + "…" : reference;
    }
}
