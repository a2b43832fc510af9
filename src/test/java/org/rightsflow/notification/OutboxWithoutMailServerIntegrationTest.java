package org.rightsflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.support.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without an SMTP server (the demo mailbox off, no spring.mail.host) messages stay in the outbox, readable by staff,
 * and nothing pretends they were sent.
 */
@SpringBootTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class OutboxWithoutMailServerIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxMessages messages;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FieldCipher cipher;

    @Test
    void messagesStayPendingAndReadable() {
        assertThat(context.getBeanNamesForType(JavaMailSender.class)).as("no mail sender without spring.mail.host").isEmpty();
        long id = transactions.execute(status -> outbox.queue(new OutgoingMail(null, MailKind.STAFF_ESCALATION,
                "dpo@example.com", Map.of("staffName", "Dana", "reference", "DSR-2026-000009", "requestType", "ACCESS",
                        "regime", "GDPR", "requestDue", LocalDate.of(2027, 3, 1), "requestUrl", "http://x/staff/requests/9",
                        "daysOverdue", 2L, "openTasks", 1)))).id();

        dispatcher.dispatchDue();

        OutboxMessage message = messages.findById(id).orElseThrow();
        assertThat(message.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(message.attempts()).isZero();
        assertThat(message.toView(cipher).body()).contains("DSR-2026-000009", "2 day(s) overdue");
    }
}
