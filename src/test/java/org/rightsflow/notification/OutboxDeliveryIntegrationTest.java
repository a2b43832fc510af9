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
import org.rightsflow.support.FieldCipher;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server that is down, then up: a message is never lost while the server is away,
 * is sent exactly once when it returns, and is marked FAILED for staff after the last attempt. Its row holds the
 * recipient and the bodies only sealed, and the deliverable body (the one with the link) only until it is sent or
 * failed for good.
 */
@MovesCamundaClock
@SpringBootTest
class OutboxDeliveryIntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static final String PREFERENCE_TOKEN = "cHJlZmVyZW5jZS10b2tlbi1vZi10aGUtdGVzdA";
    private static final String PREFERENCE_LINK = "http://localhost:8080/preferences/" + PREFERENCE_TOKEN;

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
    FieldCipher cipher;

    @Autowired
    MailProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    private GreenMail smtp;

    @AfterEach
    void restore() {
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
        assertThat(waiting.toView(cipher).lastError()).isNotBlank();

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // The retry is due a minute after the failed attempt: move the engine clock past it.
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofMinutes(2))));

        await().atMost(Duration.ofSeconds(15)).until(() -> messages.findById(id).orElseThrow().status() == MessageStatus.SENT);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getHeader("Message-ID")[0]).startsWith("<outbox-" + id + ".");
        assertThat(TestMailServer.body(smtp.getReceivedMessages()[0])).as("the recipient gets the link")
                .contains(PREFERENCE_LINK);
        assertRowHoldsNoSecret(id, recipient);
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
        assertRowHoldsNoSecret(id, "never@example.com");
    }

    @Test
    void aWaitingMessageHoldsItsLinkOnlySealed() {
        String recipient = "waiting@example.com";
        long id = queue(recipient);

        Map<String, Object> row = row(id);
        assertThat(row.get("deliverable_body")).as("kept for the next attempt").isNotNull();
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(PREFERENCE_TOKEN, recipient, "Hello,"));
    }

    /** Read as a copy of the database would be: no link, no address, no deliverable body. */
    private void assertRowHoldsNoSecret(long id, String recipient) {
        Map<String, Object> row = row(id);
        assertThat(row.get("deliverable_body")).as("erased with the final status").isNull();
        assertThat(row.get("recipient")).isNotNull();
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(PREFERENCE_TOKEN, recipient, recipient.substring(0, recipient.indexOf('@'))));
    }

    private Map<String, Object> row(long id) {
        // Column names as the database spells them; the map looks them up regardless of case.
        return jdbc.queryForMap("select * from outbox_message where id = ?", id);
    }

    private long queue(String recipient) {
        return transactions.execute(status -> outbox.queue(new OutgoingMail(null, MailKind.PREFERENCES_LINK, recipient,
                Map.of("preferencesUrl", MailSecret.preferenceLink(PREFERENCE_LINK), "validHours", 24L)))).id();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
