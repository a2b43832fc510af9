package org.rightsflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server that is down, then up: a message is never lost while the server is away,
 * is sent exactly once when it returns, and is marked FAILED for staff after the last attempt.
 */
@MovesCamundaClock
@SpringBootTest
class OutboxDeliveryIntegrationTest {

    private static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.writetimeout", () -> "2000");
        registry.add("rightsflow.mail.max-attempts", () -> "3");
        // The process engine is not needed here; keep its jobs from competing for the clock.
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxMessages messages;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MailProperties properties;

    @Autowired
    Clock clock;

    private GreenMail smtp;

    @AfterEach
    void restore() {
        ClockUtil.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aMessageWaitsOutAnSmtpOutageAndIsSentExactlyOnce() throws Exception {
        String recipient = "outage@example.com";
        long id = queue(recipient);

        OutboxMessage waiting = await().atMost(Duration.ofSeconds(15))
                .until(() -> messages.findById(id).orElseThrow(), message -> message.attempts() >= 1
                        && message.status() == MessageStatus.PENDING);
        assertThat(waiting.toView().lastError()).isNotBlank();

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // The retry is due a minute after the failed attempt: move the engine clock past it.
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofMinutes(2))));

        await().atMost(Duration.ofSeconds(15)).until(() -> messages.findById(id).orElseThrow().status() == MessageStatus.SENT);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getHeader("Message-ID")[0]).startsWith("<outbox-" + id + ".");
    }

    @Test
    void aMessageThatNeverGetsThroughIsMarkedFailedAfterTheLastAttempt() {
        long id = queue("never@example.com");
        for (int attempt = 1; attempt < properties.maxAttempts(); attempt++) {
            int expected = attempt;
            // Wait for the failure to be recorded (attempts count at the claim, before the send fails), then move
            // the engine clock past its back-off.
            await().atMost(Duration.ofSeconds(15)).until(() -> messages.findById(id).orElseThrow(),
                    message -> message.attempts() == expected && message.status() == MessageStatus.PENDING);
            ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofHours(2))));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> messages.findById(id).orElseThrow().status() == MessageStatus.FAILED);
        assertThat(messages.findById(id).orElseThrow().attempts()).isEqualTo(properties.maxAttempts());
    }

    private long queue(String recipient) {
        return transactions.execute(status -> outbox.queue(new OutgoingMail(null, MailKind.STAFF_REMINDER, recipient,
                Map.of("staffName", "Sam", "reference", "DSR-2026-000001", "requestType", "ACCESS",
                        "regime", "GDPR", "requestDue", LocalDate.of(2027, 3, 1), "requestUrl", "http://x/staff/requests/1",
                        "taskName", "Access in Shop", "due", LocalDate.of(2027, 3, 1), "daysLeft", 7L,
                        "inboxUrl", "http://x/staff")))).id();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
