package org.rightsflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.support.FieldCipher;
import org.rightsflow.support.LockConflicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, a batch at a time: the due messages of a batch are claimed together (PENDING →
 * SENDING, guarded by each row's version column so two nodes never both send one), handed to the SMTP server over
 * one connection, and their outcomes recorded together, each step in its own short transaction and the SMTP
 * conversation in none. Two commits per batch, where one message used to cost two. When a batch's claim or record
 * loses a race with another node, that batch falls back to one transaction per message, which skips what the other
 * node took. If the process dies between sending and recording, the claims time out and the messages are offered
 * again: delivery is at-least-once in that one case, and the stable Message-ID lets mail clients drop the duplicate.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int BATCH = 50;
    static final int MAX_BATCHES_PER_TURN = 20;

    /**
     * SQL states of a lost race when the driver's exception reaches us unrecognised: serialization failure,
     * PostgreSQL's deadlock and lock timeout (lock_timeout), H2's lock timeout and concurrent update.
     */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "55P03", "HYT00", "90131");

    private final OutboxMessages messages;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transactions;
    private final Timeline timeline;
    private final MailProperties properties;
    private final FieldCipher cipher;
    private final Clock clock;
    /** When {@link #releaseStuckClaims} looks again (two threads racing on it only cost one more look). */
    private Instant nextRelease = Instant.MIN;

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
    // No @SchedulerLock on purpose: every node drains the outbox, each claiming its own batch (the version column
    // keeps two nodes off one message), so a stopped node delays nothing; a cluster-wide lock would let one node send.
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
            List<Long> due = messages.findDueIds(clock.instant(), PageRequest.of(0, BATCH));
            List<OutboxMessage> claimed = due.isEmpty() ? List.of() : claim(due);
            if (!claimed.isEmpty()) {
                record(send(sender, claimed));
            }
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    /**
     * The due messages this node now holds. One transaction for the batch; in id order, so two nodes claiming
     * overlapping batches lock the rows in the same order and one waits for the other instead of a deadlock. The
     * loser's version check fails: it then claims one message at a time and skips those the other node holds.
     */
    private List<OutboxMessage> claim(List<Long> due) {
        try {
            return transactions.execute(status -> {
                Instant now = clock.instant();
                List<OutboxMessage> claimed = messages.findAllInIdOrder(due).stream()
                        .filter(message -> message.claim(now))
                        .toList();
                messages.flush();
                return claimed;
            });
        } catch (RuntimeException e) {
            if (!isConflict(e)) {
                throw e;
            }
            log.debug("Claiming a batch of {} lost a race ({}); claiming them one at a time", due.size(),
                    e.getClass().getSimpleName());
            return due.stream().map(this::claimOne).filter(Objects::nonNull).toList();
        }
    }

    private OutboxMessage claimOne(Long id) {
        try {
            return transactions.execute(status -> messages.findById(id)
                    .filter(message -> message.claim(clock.instant()))
                    .map(messages::saveAndFlush)
                    .orElse(null));
        } catch (RuntimeException e) {
            if (!isConflict(e)) {
                throw e;
            }
            log.debug("Outbox message {} was taken by another node ({})", id, e.getClass().getSimpleName());
            return null;
        }
    }

    /** What became of each message: {@code error} is null for one the server accepted. */
    private record Outcome(OutboxMessage message, Exception error) {
    }

    /**
     * Hands the batch to the server over one connection (JavaMailSenderImpl sends an array on one transport, and
     * reconnects only if the server dropped it). A message the server refuses fails alone; a connection that cannot
     * be made or authenticated fails the whole batch, each message as one attempt.
     */
    private List<Outcome> send(JavaMailSender sender, List<OutboxMessage> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<OutboxMessage> prepared = new ArrayList<>(batch.size());
        List<MimeMessage> mimes = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            try {
                mimes.add(mime(sender, message));
                prepared.add(message);
            } catch (MessagingException | MailException e) {
                logFailure(message.id(), e);
                outcomes.add(new Outcome(message, e));
            }
        }
        if (mimes.isEmpty()) {
            return outcomes;
        }
        Map<Object, Exception> refused = Map.of();
        Exception connectionFailure = null;
        try {
            sender.send(mimes.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            // Keyed by the MimeMessage given (a connection lost mid-batch that cannot be made again lists the rest).
            // Without any entry the failure was not one message's: Spring reports so a QUIT that failed after every
            // message was accepted, and that counts as the batch failing, as it counted for one message before: a
            // duplicate after the back-off, recognisable by its Message-ID, rather than mail marked sent that was not.
            refused = e.getFailedMessages();
            if (refused.isEmpty()) {
                connectionFailure = e;
            } else if (refused.size() == mimes.size() && onlyOne(refused.values())) {
                // Spring lists every message under the one exception when no connection could be made at all.
                connectionFailure = refused.values().iterator().next();
            }
        } catch (MailException e) { // MailAuthenticationException among others: none is known to have been sent
            connectionFailure = e;
        }
        if (connectionFailure != null) {
            // One line for the batch: the server, not each message, is what failed.
            log.warn("Sending outbox messages {} failed ({})", prepared.stream().map(OutboxMessage::id).toList(),
                    connectionFailure.getClass().getSimpleName());
        }
        for (int i = 0; i < prepared.size(); i++) {
            Exception error = connectionFailure != null ? connectionFailure : refused.get(mimes.get(i));
            if (error != null && connectionFailure == null) {
                logFailure(prepared.get(i).id(), error);
            }
            outcomes.add(new Outcome(prepared.get(i), error));
        }
        return outcomes;
    }

    private static boolean onlyOne(Collection<Exception> errors) {
        Exception first = errors.iterator().next();
        return errors.stream().allMatch(error -> error == first);
    }

    private static void logFailure(Long id, Exception error) {
        // Only the exception type goes to the log: an SMTP reply can quote the recipient's address. The full text
        // is kept on the message, where staff can read it.
        log.warn("Sending outbox message {} failed ({})", id, error.getClass().getSimpleName());
    }

    private MimeMessage mime(JavaMailSender sender, OutboxMessage message) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.recipient(cipher));
        helper.setSubject(message.subject());
        helper.setText(message.deliverableBody(cipher), false);
        // Mail clients and screen readers pick the reading voice and spelling by it.
        mime.setContentLanguage(new String[] {message.language()});
        // Stable per message, so a resend after a crash is recognisable as the same message
        // (JavaMailSenderImpl keeps a Message-ID that is already set).
        mime.setHeader("Message-ID", "<outbox-" + message.id() + "." + message.createdAt().toEpochMilli()
                + "@rightsflow>");
        return mime;
    }

    /**
     * The batch's outcomes in one transaction. If it loses a race (a timeline head locked by a request's job, a
     * claim another node took over after the timeout), each outcome is recorded in a transaction of its own: an
     * unrecorded message would be released after the timeout and sent again.
     */
    private void record(List<Outcome> outcomes) {
        log.debug("Outbox batch of {}: {} failed", outcomes.size(),
                outcomes.stream().filter(outcome -> outcome.error() != null).count());
        try {
            transactions.executeWithoutResult(status -> {
                Map<Long, OutboxMessage> rows = messages.findAllInIdOrder(outcomes.stream()
                                .map(outcome -> outcome.message().id()).toList()).stream()
                        .collect(Collectors.toMap(OutboxMessage::id, Function.identity()));
                List<OutboxMessage> changed = new ArrayList<>();
                for (Outcome outcome : outcomes) {
                    OutboxMessage row = rows.get(outcome.message().id());
                    if (row != null) {
                        apply(row, outcome.error());
                        changed.add(row);
                    }
                }
                // Timeline heads locked in one order (reference, then message), so two nodes recording batches of
                // the same requests wait for each other instead of deadlocking; each request's own entries stay in
                // message order.
                changed.stream()
                        .sorted(Comparator.comparing(OutboxMessage::reference,
                                        Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                                .thenComparing(OutboxMessage::id))
                        .forEach(this::recordOnTimeline);
                messages.flush();
            });
        } catch (RuntimeException e) {
            if (!isConflict(e)) {
                throw e;
            }
            log.debug("Recording a batch of {} lost a race ({}); recording them one at a time", outcomes.size(),
                    e.getClass().getSimpleName());
            outcomes.forEach(this::recordOne);
        }
    }

    /**
     * One outcome in a transaction of its own, retried on a conflict. One that still loses leaves its message
     * SENDING, to be offered again once its claim times out, and does not keep the rest of the batch from being
     * recorded.
     */
    private void recordOne(Outcome outcome) {
        try {
            LockConflicts.retry(() -> {
                transactions.executeWithoutResult(status -> messages.findById(outcome.message().id()).ifPresent(row -> {
                    apply(row, outcome.error());
                    recordOnTimeline(row);
                }));
                return null;
            });
        } catch (RuntimeException e) {
            if (!isConflict(e)) {
                throw e;
            }
            log.warn("Recording outbox message {} lost a lock race again ({}); it is offered again after the "
                    + "sending timeout", outcome.message().id(), e.getClass().getSimpleName());
        }
    }

    private void apply(OutboxMessage row, Exception error) {
        if (error == null) {
            row.sent(clock.instant());
        } else {
            row.failed(error.getMessage(), clock.instant(), properties.maxAttempts(), cipher);
        }
    }

    private void recordOnTimeline(OutboxMessage message) {
        if (message.reference() == null) {
            return;
        }
        if (message.status() == MessageStatus.SENT) {
            timeline.record(message.reference(), Actors.SYSTEM, TimelineKind.MESSAGE_SENT,
                    message.kind().label() + " email sent (message " + message.id() + ").");
        } else if (message.status() == MessageStatus.FAILED) {
            timeline.record(message.reference(), Actors.SYSTEM, TimelineKind.MESSAGE_FAILED,
                    message.kind().label() + " email could not be sent after " + message.attempts()
                            + " attempts (message " + message.id() + "). Staff must follow up.");
        }
    }

    /**
     * Offers again what a node claimed and never recorded (it died between the claim and the record). Looked for
     * every tenth of the sending timeout, at most once a minute, not on every round: a round is then one statement
     * when there is nothing to send (docs/performance.md, "An idle node").
     */
    private void releaseStuckClaims() {
        Instant now = clock.instant();
        if (now.isBefore(nextRelease)) {
            return;
        }
        Duration every = properties.sendingTimeout().dividedBy(10);
        nextRelease = now.plus(every.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : every);
        Instant claimedBefore = now.minus(properties.sendingTimeout());
        transactions.executeWithoutResult(status -> messages.findByStatus(MessageStatus.SENDING)
                .forEach(message -> message.releaseIfStuck(claimedBefore)));
    }

    /**
     * Whether a transaction lost a race for rows to another node or thread: a version check that found the row
     * changed, a lock it waited for too long (PostgreSQL's lock timeout), a deadlock. Spring translates most; the
     * SQL state catches what reaches us as a bare driver exception inside another.
     */
    static boolean isConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof OptimisticLockException
                    || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof SQLException sql && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
