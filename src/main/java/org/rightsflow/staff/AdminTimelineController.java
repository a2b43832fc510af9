package org.rightsflow.staff;

import org.rightsflow.security.AdminTimeline;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin timeline (ADMIN only): every change to accounts, groups and systems' owners, newest first. */
@Controller
class AdminTimelineController {

    static final int PAGE_SIZE = 50;

    private final AdminTimeline timeline;

    AdminTimelineController(AdminTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/staff/admin/timeline")
    String timeline(@RequestParam(required = false) String page, Model model) {
        AdminTimeline.Page events = timeline.page(PageLinks.number(page), PAGE_SIZE);
        model.addAttribute("events", events);
        model.addAttribute("paging", PageLinks.of(events.page(), events.lastPage()));
        return "staff/admin-timeline";
    }
}
