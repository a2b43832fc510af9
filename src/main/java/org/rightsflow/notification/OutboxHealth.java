package org.rightsflow.notification;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The outbox's health ({@code outbox}): down when a message has waited longer than
 * {@code rightsflow.mail.backlog-alarm-after}, which means mail is not leaving (SMTP down, credentials wrong, the
 * dispatcher stuck), while the statutory clock runs on. Not part of readiness: the outbox keeps every message until
 * it can be sent, so taking the node out of service would stop intake and fix nothing.
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

    private final Outbox outbox;
    private final MailProperties properties;
    private final Clock clock;

    OutboxHealth(Outbox outbox, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        OutboxBacklog backlog = outbox.backlog();
        Duration oldest = backlog.oldestUndeliveredSince().map(since -> Duration.between(since, clock.instant()))
                .orElse(Duration.ZERO);
        Health.Builder health = oldest.compareTo(properties.backlogAlarmAfter()) > 0 ? Health.down() : Health.up();
        return health.withDetail("undelivered", backlog.undelivered())
                .withDetail("failed", backlog.failed())
                .withDetail("oldestUndeliveredSeconds", oldest.toSeconds())
                .build();
    }
}
