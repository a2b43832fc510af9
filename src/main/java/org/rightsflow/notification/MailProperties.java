package org.rightsflow.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox sends email ({@code rightsflow.mail.*}; the server itself is Spring Boot's {@code spring.mail.*}).
 *
 * @param from             the sender address of every message
 * @param dispatchInterval how often the dispatcher looks for messages to send
 * @param maxAttempts      attempts before a message is marked FAILED and shown to staff
 * @param sendingTimeout   how long a claimed message may stay SENDING before it is offered again
 * @param backlogAlarmAfter how long a message may wait undelivered before the outbox reports itself down
 */
@Validated
@ConfigurationProperties("rightsflow.mail")
record MailProperties(@NotBlank @Email String from, @NotNull Duration dispatchInterval, @NotNull @Positive Integer maxAttempts,
                      @NotNull Duration sendingTimeout, @NotNull Duration backlogAlarmAfter) {
}
