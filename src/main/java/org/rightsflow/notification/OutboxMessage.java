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

@Entity
@Table(name = "outbox_message")
class OutboxMessage {

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

    @Column(nullable = false, updatable = false)
    private String body;

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

    protected OutboxMessage() {
    }

    OutboxMessage(String reference, MailKind kind, String recipient, RenderedMail mail, Instant now) {
        this.reference = reference;
        this.kind = kind;
        this.recipient = recipient;
        this.subject = mail.subject();
        this.body = mail.body();
        this.status = MessageStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
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

    void sent(Instant now) {
        status = MessageStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    /** Backs off exponentially (1, 2, 4 … minutes, at most an hour); the last allowed attempt makes it FAILED. */
    void failed(String error, Instant now, int maxAttempts) {
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= maxAttempts) {
            status = MessageStatus.FAILED;
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

    OutboxMessageView toView() {
        return new OutboxMessageView(id, reference, kind, recipient, subject, body, status, attempts, createdAt, sentAt,
                lastError);
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

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
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
