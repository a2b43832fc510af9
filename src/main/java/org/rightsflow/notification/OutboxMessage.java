package org.rightsflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.rightsflow.support.FieldCipher;

/**
 * One message in the outbox. The recipient, both bodies and the last error (an SMTP reply may quote the address) are
 * sealed with {@link FieldCipher}, each column under its own context. The deliverable body, the only copy of the
 * message's secrets, lives until the message is SENT or finally FAILED; the staff copy stays.
 */
@Entity
@Table(name = "outbox_message")
class OutboxMessage {

    static final String RECIPIENT = "outbox_message.recipient";
    static final String BODY = "outbox_message.body";
    static final String DELIVERABLE_BODY = "outbox_message.deliverable_body";
    static final String LAST_ERROR = "outbox_message.last_error";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MailKind kind;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String subject;

    /** The staff copy: every secret replaced by its label. */
    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "deliverable_body")
    private String deliverableBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    /** The language the message is written in (a BCP 47 tag), sent as its Content-Language. */
    @Column(nullable = false, updatable = false)
    private String language;

    protected OutboxMessage() {
    }

    OutboxMessage(String reference, MailKind kind, String recipient, Locale language, RenderedMail mail, Instant now,
                  FieldCipher cipher) {
        this.reference = reference;
        this.language = language.toLanguageTag();
        this.kind = kind;
        this.recipient = cipher.seal(recipient, RECIPIENT);
        this.subject = mail.subject();
        this.body = cipher.seal(mail.redactedBody(), BODY);
        this.deliverableBody = cipher.seal(mail.body(), DELIVERABLE_BODY);
        this.status = MessageStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    String language() {
        return language;
    }

    boolean claim(Instant now) {
        if (status != MessageStatus.PENDING || nextAttemptAt.isAfter(now)) {
            return false;
        }
        status = MessageStatus.SENDING;
        attempts++;
        nextAttemptAt = now;
        return true;
    }

    /** Delivered: the secrets are the recipient's alone now, so the outbox forgets them. */
    void sent(Instant now) {
        status = MessageStatus.SENT;
        sentAt = now;
        lastError = null;
        deliverableBody = null;
    }

    /**
     * Backs off exponentially (1, 2, 4 … minutes, at most an hour); the last allowed attempt makes it FAILED and
     * erases the deliverable body: a message nobody will send keeps no secret.
     */
    void failed(String error, Instant now, int maxAttempts, FieldCipher cipher) {
        String text = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        lastError = cipher.seal(text, LAST_ERROR);
        if (attempts >= maxAttempts) {
            status = MessageStatus.FAILED;
            deliverableBody = null;
            return;
        }
        status = MessageStatus.PENDING;
        long minutes = Math.min(60, 1L << Math.min(attempts - 1, 6));
        nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
    }

    /** A claim older than the timeout belongs to a dispatcher that died mid-send: offer the message again. */
    boolean releaseIfStuck(Instant claimedBefore) {
        if (status == MessageStatus.SENDING && nextAttemptAt.isBefore(claimedBefore)) {
            status = MessageStatus.PENDING;
            return true;
        }
        return false;
    }

    /** What staff and the API see: the staff copy of the body, never the deliverable one. */
    OutboxMessageView toView(FieldCipher cipher) {
        return new OutboxMessageView(id, reference, kind, cipher.open(recipient, RECIPIENT), subject,
                cipher.open(body, BODY), status, attempts, createdAt, sentAt, cipher.open(lastError, LAST_ERROR));
    }

    Long id() {
        return id;
    }

    String reference() {
        return reference;
    }

    MailKind kind() {
        return kind;
    }

    String recipient(FieldCipher cipher) {
        return cipher.open(recipient, RECIPIENT);
    }

    String subject() {
        return subject;
    }

    /** The body to deliver, or null once the message is SENT or FAILED. */
    String deliverableBody(FieldCipher cipher) {
        return cipher.open(deliverableBody, DELIVERABLE_BODY);
    }

    int attempts() {
        return attempts;
    }

    MessageStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }
}
