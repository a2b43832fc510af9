package org.rightsflow.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.support.FieldCipher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes messages to the outbox and reads them back. */
@Service
public class Outbox {

    private final OutboxMessages messages;
    private final MailTemplates templates;
    private final Timeline timeline;
    private final FieldCipher cipher;
    private final Clock clock;

    Outbox(OutboxMessages messages, MailTemplates templates, Timeline timeline, FieldCipher cipher, Clock clock) {
        this.messages = messages;
        this.cipher = cipher;
        this.templates = templates;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Renders and stores a message in the caller's transaction: if the step that causes it rolls back, the
     * message was never written; if it commits, the dispatcher will send it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessageView queue(OutgoingMail mail) {
        RenderedMail rendered = templates.render(mail.kind(), mail.model(), mail.language());
        OutboxMessage message = messages.save(new OutboxMessage(mail.reference(), mail.kind(), mail.recipient(), mail.language(), rendered,
                clock.instant(), cipher));
        if (mail.reference() != null) {
            timeline.record(mail.reference(), Actors.SYSTEM, TimelineKind.MESSAGE_QUEUED,
                    mail.kind().label() + " email written to the outbox (message " + message.id() + ", \""
                            + rendered.subject() + "\").");
        }
        return message.toView(cipher);
    }

    /** The request's messages as staff may read them: links and codes replaced by what they are. */
    @Transactional(readOnly = true)
    public List<OutboxMessageView> forRequest(String reference) {
        return messages.findByReferenceOrderByIdAsc(reference).stream().map(m -> m.toView(cipher)).toList();
    }

    /** What is still to be delivered, for health and metrics: counts and the age of the oldest, nothing of content. */
    @Transactional(readOnly = true)
    public OutboxBacklog backlog() {
        return new OutboxBacklog(messages.countByStatus(MessageStatus.PENDING) + messages.countByStatus(MessageStatus.SENDING),
                messages.countByStatus(MessageStatus.FAILED), Optional.ofNullable(messages.oldestUndelivered()));
    }
}
