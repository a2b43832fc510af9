package org.rightsflow.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One secure message about a request, from staff or from the subject; never changed once written. */
@Entity
@Table(name = "request_message")
class RequestMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_reference", nullable = false, updatable = false)
    private String reference;

    @Column(name = "from_subject", nullable = false, updatable = false)
    private boolean fromSubject;

    @Column(nullable = false, updatable = false)
    private String author;

    /** Sealed (see {@link PersonalFields}): the conversation quotes the subject both ways. */
    @Column(name = "body_sealed", nullable = false, updatable = false)
    private String bodySealed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RequestMessage() {
    }

    RequestMessage(String reference, boolean fromSubject, String author, String body, Instant createdAt,
                   PersonalFields fields) {
        this.reference = reference;
        this.fromSubject = fromSubject;
        this.author = author;
        this.bodySealed = fields.seal(body, PersonalFields.MESSAGE_BODY);
        this.createdAt = createdAt;
    }

    MessageView toView(PersonalFields fields) {
        return new MessageView(createdAt, fromSubject, author, fields.open(bodySealed, PersonalFields.MESSAGE_BODY));
    }
}
