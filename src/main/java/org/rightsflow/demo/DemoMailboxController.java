package org.rightsflow.demo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /demo/mailbox}: the mail the demo delivered, per address. Exists only with the demo mailbox on. */
@Controller
@DemoMailboxOn
class DemoMailboxController {

    private final DemoMailbox mailbox;

    DemoMailboxController(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/demo/mailbox")
    String mailbox(Model model) {
        model.addAttribute("inboxes", mailbox.inboxes());
        return "demo/mailbox";
    }
}
