package org.rightsflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.support.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each message is claimed (PENDING → SENDING, guarded by its version column so two
 * nodes never both send it), sent, then marked SENT, each step in its own short transaction. If the process dies
 * between sending and marking, the claim times out and the message is offered again: delivery is at-least-once in
 * that one case, and the stable Message-ID lets mail clients drop the duplicate.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int BATCH = 50;
    static final int MAX_BATCHES_PER_TURN = 20;

    private final OutboxMessages messages;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transactions;
    private final Timeline timeline;
    private final MailProperties properties;
    private final FieldCipher cipher;
    private final Clock clock;

    OutboxDispatcher(OutboxMessages messages, ObjectProvider<JavaMailSender> mailSender, TransactionTemplate transactions,
                     Timeline timeline, MailProperties properties, FieldCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.messages = messages;
        this.mailSender = mailSender;
        this.transactions = transactions;
        this.timeline = timeline;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceMode() {
        if (mailSender.getIfAvailable() == null) {
            // Staff pages show each message with its links and codes replaced by labels, so without a server
            // nobody can act on them: say so, and how the demo reads mail.
            log.info("No SMTP server configured (spring.mail.host): emails wait in the outbox until one is; staff "
                    + "pages show them with their links and codes replaced by labels. The demo reads mail in its demo "
                    + "mailbox (rightsflow.demo.mailbox.enabled).");
        }
    }

    // The value is in application.yml (declared by MailProperties): a placeholder default would be a second.
    @Scheduled(fixedDelayString = "${rightsflow.mail.dispatch-interval}")
    void dispatchDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        releaseStuckClaims();
        // A full batch means more are waiting: the next one goes at once rather than after the interval, so a burst
        // (hundreds of verification links) leaves at the speed of the SMTP server, not BATCH per interval. The
        // turn ends after MAX_BATCHES_PER_TURN so that stuck claims are released now and then.
        for (int batch = 0; batch < MAX_BATCHES_PER_TURN; batch++) {
            List<Long> due = new ArrayList<>(messages.findDueIds(clock.instant(), PageRequest.of(0, BATCH)));
            // Every node reads the same oldest ids; in its own order each mostly claims messages no other node is
            // claiming at that moment, instead of all of them racing for the first one.
            Collections.shuffle(due);
            for (Long id : due) {
                OutboxMessage claimed = claim(id);
                if (claimed != null) {
                    send(sender, claimed);
                }
            }
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    private OutboxMessage claim(Long id) {
        try {
            return transactions.execute(status -> messages.findById(id)
                    .filter(message -> message.claim(clock.instant()))
                    .map(messages::saveAndFlush)
                    .orElse(null));
        } catch (ObjectOptimisticLockingFailureException takenByAnotherNode) {
            return null;
        }
    }

    private void send(JavaMailSender sender, OutboxMessage message) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(message.recipient(cipher));
            helper.setSubject(message.subject());
            helper.setText(message.deliverableBody(cipher), false);
            // Stable per message, so a resend after a crash is recognisable as the same message
            // (JavaMailSenderImpl keeps a Message-ID that is already set).
            mime.setHeader("Message-ID", "<outbox-" + message.id() + "." + message.createdAt().toEpochMilli()
                    + "@rightsflow>");
            sender.send(mime);
            markSent(message.id());
        } catch (MailException | MessagingException e) {
            markFailed(message.id(), e);
        }
    }

    private void markSent(Long id) {
        transactions.executeWithoutResult(status -> messages.findById(id).ifPresent(message -> {
            message.sent(clock.instant());
            if (message.reference() != null) {
                timeline.record(message.reference(), Actors.SYSTEM, TimelineKind.MESSAGE_SENT,
                        message.kind().label() + " email sent (message " + message.id() + ").");
            }
        }));
    }

    private void markFailed(Long id, Exception error) {
        // Only the exception type goes to the log: an SMTP reply can quote the recipient's address. The full
        // text is kept on the message, where staff can read it.
        log.warn("Sending outbox message {} failed ({})", id, error.getClass().getSimpleName());
        transactions.executeWithoutResult(status -> messages.findById(id).ifPresent(message -> {
            message.failed(error.getMessage(), clock.instant(), properties.maxAttempts(), cipher);
            if (message.status() == MessageStatus.FAILED && message.reference() != null) {
                timeline.record(message.reference(), Actors.SYSTEM, TimelineKind.MESSAGE_FAILED,
                        message.kind().label() + " email could not be sent after " + message.attempts()
                                + " attempts (message " + message.id() + "). Staff must follow up.");
            }
        }));
    }

    private void releaseStuckClaims() {
        Instant claimedBefore = clock.instant().minus(properties.sendingTimeout());
        transactions.executeWithoutResult(status -> messages.findByStatus(MessageStatus.SENDING)
                .forEach(message -> message.releaseIfStuck(claimedBefore)));
    }
}
