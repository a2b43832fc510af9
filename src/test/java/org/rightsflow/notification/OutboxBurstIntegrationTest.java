package org.rightsflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A burst larger than one batch (hundreds of verification links after a campaign) leaves in one turn of the
 * dispatcher, at the speed of the SMTP server, instead of one batch per dispatch interval.
 */
@SpringBootTest
class OutboxBurstIntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // One turn at start, then none for an hour: the test runs the turn itself.
        registry.add("rightsflow.mail.dispatch-interval", () -> "PT1H");
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    OutboxMessages messages;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBurstOfTwoAndAHalfBatchesIsSentInOneTurn() {
        int burst = OutboxDispatcher.BATCH * 5 / 2;
        for (int i = 0; i < burst; i++) {
            String recipient = "burst-" + i + "@example.com";
            transactions.execute(status -> outbox.queue(new OutgoingMail(null, MailKind.PREFERENCES_LINK, recipient,
                    Map.of("preferencesUrl", MailSecret.preferenceLink("http://localhost:8080/preferences/burst-token-"
                            + recipient.hashCode()), "validHours", 24L))));
        }

        dispatcher.dispatchDue();

        assertThat(smtp.getReceivedMessages()).as("every message of the burst, each once").hasSize(burst);
        assertThat(messages.countByStatus(MessageStatus.PENDING)).isZero();
        assertThat(messages.countByStatus(MessageStatus.SENT)).isEqualTo(burst);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
