package org.rightsflow.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.rightsflow.reporting.ProcessingRecords;
import org.rightsflow.security.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The record of processing activities (GDPR Art. 30) for privacy officers, as a page and as CSV. It describes the
 * systems, never a person, so reading or downloading it is not written to the access log (which records who saw a
 * request's personal data).
 */
@Controller
class RopaController {

    private final ProcessingRecords records;

    RopaController(ProcessingRecords records) {
        this.records = records;
    }

    @GetMapping("/staff/ropa")
    String ropa(@ModelAttribute("me") StaffMember me, Model model, HttpServletResponse response) {
        if (!me.overseesAllRequests()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "error/denied";
        }
        model.addAttribute("record", records.current());
        model.addAttribute("notRecorded", ProcessingRecords.NOT_RECORDED);
        return "staff/ropa";
    }

    @GetMapping("/staff/ropa.csv")
    void csv(@ModelAttribute("me") StaffMember me, HttpServletResponse response) throws IOException {
        if (!me.overseesAllRequests()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"record-of-processing-activities.csv\"");
        ProcessingRecords.csv(records.current(),
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
