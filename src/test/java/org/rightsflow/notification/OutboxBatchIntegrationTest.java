package org.rightsflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.support.FieldCipher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox sends a batch over one SMTP connection and records it in one transaction: a burst arrives once per
 * message over a connection per batch, a recipient the server refuses fails alone while the rest of its batch is
 * sent, and two dispatchers on one database never send a message twice. The application talks to GreenMail through
 * a relay that counts the connections it opens, as the mail server's operator would see them.
 */
@SpringBootTest
class OutboxBatchIntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static final String REFUSED = "batch-refused@example.com";
    /** Open for the whole JVM: a cached context of this class (or of its PostgreSQL variant) keeps its port. */
    private static final CountingRelay RELAY = new CountingRelay(SMTP_PORT);
    private static GreenMail smtp;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", RELAY::port);
        // One turn at start, then none for an hour: the tests run the turns themselves.
        registry.add("rightsflow.mail.dispatch-interval", () -> "PT1H");
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // GreenMail accepts every recipient; this one it refuses after DATA (451), as a server refuses a mailbox it
        // cannot deliver to, while the connection stays open for the next message.
        MessageDeliveryHandler deliver = smtp.getUserManager().getMessageDeliveryHandler();
        smtp.getUserManager().setMessageDeliveryHandler((message, address) -> {
            if (address.getEmail().equalsIgnoreCase(REFUSED)) {
                throw new UserException("mailbox unavailable");
            }
            return deliver.handle(message, address);
        });
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

    @Autowired
    ObjectProvider<JavaMailSender> mailSender;

    @Autowired
    Timeline timeline;

    @Autowired
    MailProperties properties;

    @Autowired
    FieldCipher cipher;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBurstArrivesOnceEachOverOneConnectionPerBatch() {
        int burst = OutboxDispatcher.BATCH * 3 / 2;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            ids.add(queue(null, "batch-burst-" + i + "@example.com"));
        }
        int connectionsBefore = RELAY.connections();

        dispatcher.dispatchDue();

        List<MimeMessage> received = receivedBy("batch-burst-");
        assertThat(received).as("every message of the burst, each once").hasSize(burst);
        assertThat(messageIds(received)).as("one Message-ID per outbox message")
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "<outbox-" + id + ".").toList());
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo(MessageStatus.SENT));
        assertThat(RELAY.connections() - connectionsBefore)
                .as("one SMTP connection per batch of " + OutboxDispatcher.BATCH).isEqualTo(2);
    }

    @Test
    void aRecipientTheServerRefusesFailsAloneAndTheRestOfItsBatchIsSent() {
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accepted.add(queue("DSR-BATCH-B", "batch-refusal-" + i + "@example.com"));
        }
        long refused = queue("DSR-BATCH-B", REFUSED);
        for (int i = 3; i < 6; i++) {
            accepted.add(queue("DSR-BATCH-B", "batch-refusal-" + i + "@example.com"));
        }
        int connectionsBefore = RELAY.connections();

        dispatcher.dispatchDue();

        assertThat(receivedBy("batch-refusal-")).hasSize(accepted.size());
        assertThat(receivedBy(REFUSED)).isEmpty();
        assertThat(accepted).allSatisfy(id -> assertThat(status(id)).isEqualTo(MessageStatus.SENT));
        OutboxMessage failed = messages.findById(refused).orElseThrow();
        assertThat(failed.status()).as("offered again after its back-off").isEqualTo(MessageStatus.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.toView(cipher).lastError()).as("the server's reply, for staff").contains("451");
        assertThat(RELAY.connections() - connectionsBefore).as("the refusal does not cost a connection").isEqualTo(1);
        assertThat(timeline.entries("DSR-BATCH-B")).filteredOn(entry -> entry.kind() == TimelineKind.MESSAGE_SENT)
                .hasSize(accepted.size());
        assertThat(timeline.isIntact("DSR-BATCH-B")).isTrue();
    }

    @Test
    void twoDispatchersOnOneDatabaseSendEachMessageOnce() throws Exception {
        int burst = 130;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            // A few requests, so both dispatchers write the same requests' timelines while they record.
            ids.add(queue("DSR-BATCH-C-" + i % 5, "batch-nodes-" + i + "@example.com"));
        }
        OutboxDispatcher otherNode = new OutboxDispatcher(messages, mailSender, transactions, timeline, properties,
                cipher, clock);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> turns = new ArrayList<>();
            for (OutboxDispatcher node : List.of(dispatcher, otherNode)) {
                turns.add(nodes.submit(() -> {
                    start.await();
                    node.dispatchDue();
                    return null;
                }));
            }
            for (Future<?> turn : turns) {
                turn.get(2, TimeUnit.MINUTES);
            }
        } finally {
            nodes.shutdownNow();
        }

        List<MimeMessage> received = receivedBy("batch-nodes-");
        assertThat(messageIds(received)).as("each message once, whichever node sent it")
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "<outbox-" + id + ".").toList());
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo(MessageStatus.SENT));
        for (int request = 0; request < 5; request++) {
            String reference = "DSR-BATCH-C-" + request;
            List<TimelineEntryView> sent = timeline.entries(reference).stream()
                    .filter(entry -> entry.kind() == TimelineKind.MESSAGE_SENT).toList();
            assertThat(sent).as("one 'sent' entry per message of " + reference).hasSize(burst / 5);
            assertThat(timeline.isIntact(reference)).isTrue();
        }
    }

    @Test
    void aRequestWhoseTimelineIsBusyDoesNotKeepTheRestOfItsBatchFromBeingRecorded() throws Exception {
        assumeTrue(lockWaitsTimeOut(), "PostgreSQL without lock_timeout waits for the lock until the statement timeout");
        long first = queue("DSR-BATCH-D-FREE", "batch-busy-0@example.com");
        long busy = queue("DSR-BATCH-D-BUSY", "batch-busy-1@example.com");
        long last = queue("DSR-BATCH-D-FREE", "batch-busy-2@example.com");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch dispatched = new CountDownLatch(1);
        ExecutorService job = Executors.newSingleThreadExecutor();
        // Another transaction holds the request's timeline for longer than the database waits for a lock.
        Future<?> holder = job.submit(() -> transactions.executeWithoutResult(status -> {
            jdbc.queryForList("select last_sequence from timeline_head where request_reference = ? for update",
                    "DSR-BATCH-D-BUSY");
            locked.countDown();
            try {
                dispatched.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            dispatcher.dispatchDue();
        } finally {
            dispatched.countDown();
            holder.get(30, TimeUnit.SECONDS);
            job.shutdown();
        }

        assertThat(receivedBy("batch-busy-")).as("the whole batch was sent").hasSize(3);
        assertThat(status(first)).isEqualTo(MessageStatus.SENT);
        assertThat(status(last)).isEqualTo(MessageStatus.SENT);
        assertThat(timeline.entries("DSR-BATCH-D-FREE")).filteredOn(entry -> entry.kind() == TimelineKind.MESSAGE_SENT)
                .hasSize(2);
        assertThat(status(busy)).as("sent but not recorded: offered again once its claim times out")
                .isEqualTo(MessageStatus.SENDING);
    }

    /** H2 always gives up waiting for a lock after a while; PostgreSQL only with a lock_timeout. */
    private boolean lockWaitsTimeOut() {
        String database = jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName());
        return !"PostgreSQL".equals(database) || !"0".equals(jdbc.queryForObject("show lock_timeout", String.class));
    }

    private long queue(String reference, String recipient) {
        return transactions.execute(status -> outbox.queue(new OutgoingMail(reference, MailKind.PREFERENCES_LINK,
                recipient, Map.of("preferencesUrl", MailSecret.preferenceLink("http://localhost:8080/preferences/batch-"
                        + Integer.toHexString(recipient.hashCode())), "validHours", 24L)))).id();
    }

    private MessageStatus status(long id) {
        return messages.findById(id).orElseThrow().status();
    }

    private static List<MimeMessage> receivedBy(String recipientPrefix) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().startsWith(recipientPrefix));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Each message's Message-ID up to the dot that follows the outbox id. */
    private static List<String> messageIds(List<MimeMessage> received) {
        return received.stream().map(message -> {
            try {
                String id = message.getMessageID();
                return id.substring(0, id.indexOf('.') + 1);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passes every connection on to GreenMail unchanged, counting them. */
    static final class CountingRelay {

        private final ServerSocket listener;
        private final int target;
        private final AtomicInteger connections = new AtomicInteger();

        CountingRelay(int target) {
            this.target = target;
            try {
                listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            daemon("smtp-relay", this::accept);
        }

        int port() {
            return listener.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    connections.incrementAndGet();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    daemon("smtp-relay-up", () -> pump(client, server));
                    daemon("smtp-relay-down", () -> pump(server, client));
                } catch (IOException e) {
                    if (listener.isClosed()) {
                        return;
                    }
                }
            }
        }

        /** Copies one direction; when it ends, both sockets close, which ends the other direction too. */
        private static void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the other direction closed the sockets
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }

        private static void daemon(String name, Runnable work) {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.start();
        }
    }
}
