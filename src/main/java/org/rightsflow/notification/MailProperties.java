package org.rightsflow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from             the sender address of every message
 * @param dispatchInterval how often the dispatcher looks for messages to send
 * @param maxAttempts      attempts before a message is marked FAILED and shown to staff
 * @param sendingTimeout   how long a claimed message may stay SENDING before it is offered again
 * @param backlogAlarmAfter how long a message may wait undelivered before the outbox reports itself down
 */
@ConfigurationProperties("rightsflow.mail")
record MailProperties(String from, Duration dispatchInterval, Integer maxAttempts, Duration sendingTimeout,
                      Duration backlogAlarmAfter) {

    MailProperties {
        from = from == null || from.isBlank() ? "privacy@rightsflow.example" : from;
        dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(5) : dispatchInterval;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        sendingTimeout = sendingTimeout == null ? Duration.ofMinutes(10) : sendingTimeout;
        backlogAlarmAfter = backlogAlarmAfter == null ? Duration.ofMinutes(30) : backlogAlarmAfter;
    }
}
