package org.rightsflow.workflow;

import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestLinked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A duplicate starts no process; its subject is told, with its status link, that the earlier request answers it. */
@Component
class LinkedRequestNotice {

    private final RequestDirectory requests;
    private final SubjectMail mail;

    LinkedRequestNotice(RequestDirectory requests, SubjectMail mail) {
        this.requests = requests;
        this.mail = mail;
    }

    @EventListener
    void on(RequestLinked linked) {
        mail.duplicateNotice(requests.get(linked.reference()), requests.get(linked.original()));
    }
}
