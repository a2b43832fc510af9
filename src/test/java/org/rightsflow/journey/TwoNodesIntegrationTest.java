package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rightsflow.testsupport.AppProcess;
import org.rightsflow.testsupport.FakeCompanyService;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.TestMailServer;

/**
 * Two application nodes on one PostgreSQL database, as a cluster runs: requests are submitted and worked on over
 * HTTP on both, and the node holding the most jobs is killed (SIGKILL) while its connector calls are in flight. The
 * other node takes the dead node's jobs over once their locks run out; every request completes once, every email
 * goes out once, the morning digest (its cron every minute here) goes out once per turn for the whole cluster, and an
 * access package is downloaded from both nodes, so from one that did not build it.
 *
 * <p>Before the kill, the held calls outlast the lock time: a live node renews its locks (workflow/JobLockRenewal),
 * so no job of a live node runs a second time on the other.
 *
 * <p>The demo shop's database is an H2 server in this JVM, so that killing a node does not take it down with it.
 */
@ExtendWith(PostgresTestDatabase.class)
class TwoNodesIntegrationTest {

    static final String SECRET = "whsec-cluster-0123456789abcdef0123456789abcdef";
    static final Duration LOCK_TIME = Duration.ofSeconds(40);
    static final Duration LONG = Duration.ofMinutes(3);
    static final int DELETIONS = 4;
    static final Pattern MESSAGE_ID = Pattern.compile("<outbox-(\\d+)\\.(\\d+)@rightsflow>");
    static final String DIGEST_SUBJECT = "Your privacy tasks due this week";

    @TempDir
    Path workDirectory;

    private final ObjectMapper json = new ObjectMapper();
    private final Instant started = Instant.now();
    private Server shop;
    private FakeCompanyService billing;
    private final Map<String, AppProcess> nodes = new LinkedHashMap<>();
    private String databaseUrl;

    @AfterEach
    void stop() {
        nodes.values().forEach(AppProcess::kill);
        if (billing != null) {
            billing.release();
            billing.close();
        }
        if (shop != null) {
            shop.stop();
        }
    }

    @Test
    void aClusterLosesANodeMidWayAndDoesEverythingOnce() throws Exception {
        databaseUrl = PostgresTestDatabase.freshDatabase("nodes").get("spring.datasource.url").toString();
        shop = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
                workDirectory.resolve("shop").toString()).start();
        billing = new FakeCompanyService(SECRET).holdingCalls().answeringNow("""
                {"action": "ERASE", "summary": "Deleted the billing profile.",
                 "tables": [{"table": "profiles", "rowsFound": 1, "rowsDeleted": 1}]}""");

        // One after the other: the first runs Flyway and the demo's set-up, the second finds them done.
        AppProcess a = start("cluster-node-a");
        billing.registerAsBilling(a.port(), workDirectory.resolve("billing-secret"), "PT2M");
        AppProcess b = start("cluster-node-b");
        List<AppProcess> both = List.of(a, b);

        // A request due within days keeps the digest busy: every turn mails the staff who can act on it.
        Journey overdue = new Journey(a.port(), "cluster-digest");
        overdue.following(submitThroughApi(b.port(), overdue.email(), LocalDate.now(ZoneOffset.UTC).minusDays(27)));
        awaitVerificationMail(overdue).confirmFromEmail();

        // An access request worked on node B; its package is then downloaded from both nodes.
        Journey access = new Journey(b.port(), "cluster-access");
        access.submit("ACCESS", "CCPA", "Everything you hold about me.");
        awaitVerificationMail(access).confirmFromEmail();
        awaitTasks(b.port(), access, 1).onPort(a.port())
                .completeTasksAs("owner", "owner", 1, "DONE", "Nothing in the help desk.");
        awaitProcessorMail(access).confirmAsProcessor(Journey.DEMO_AGENCY, "Nothing held.");
        access.awaitMail("Our answer to your request " + access.reference(), LONG);
        for (AppProcess node : both) {
            byte[] zip = access.onPort(node.port()).downloadPackage();
            assertThat(zip).as("a zip from the node on port " + node.port()).startsWith('P', 'K');
        }

        // Deletions spread over both nodes; the billing service holds every call it receives.
        List<Journey> deletions = new ArrayList<>();
        for (int i = 0; i < DELETIONS; i++) {
            Journey deletion = new Journey(both.get(i % 2).port(), "cluster-delete-" + i);
            deletion.submit("DELETION", "GDPR", "Delete my account.");
            awaitVerificationMail(deletion).confirmFromEmail();
            deletions.add(deletion);
        }
        for (int i = 0; i < DELETIONS; i++) {
            int port = both.get((i + 1) % 2).port();
            awaitTasks(port, deletions.get(i), 2).onPort(port)
                    .completeTasksAs("owner", "owner", 2, "DONE", "Deleted in the help desk.");
        }
        // The first held call from its arrival beyond the lock time on a live node: renewed locks, so no second call
        // for any of them. Not much longer: a call held past the service's timeout (2 minutes) fails and is retried.
        Instant firstCall = await().atMost(LONG).until(() -> billing.calls().isEmpty() ? null : Instant.now(),
                at -> at != null);
        await().atMost(LONG).until(() -> billing.calls().size() == DELETIONS);
        assertThat(billing.calls()).extracting(FakeCompanyService.Call::idempotencyKey).doesNotHaveDuplicates();
        await().atMost(LONG).until(() -> Instant.now().isAfter(firstCall.plus(LOCK_TIME).plusSeconds(5)));
        assertThat(billing.calls()).as("no job of a live node run again elsewhere").hasSize(DELETIONS);

        // Not while the digest may be running: its lock would outlive a node killed holding it (lockAtMostFor).
        await().atMost(LONG).until(() -> secondOfMinute() >= 5 && secondOfMinute() <= 50 && !digestRunning());
        Map<String, Integer> locked = lockedJobs();
        String victim = locked.getOrDefault("cluster-node-a", 0) >= locked.getOrDefault("cluster-node-b", 0)
                ? "cluster-node-a" : "cluster-node-b";
        String survivorName = victim.equals("cluster-node-a") ? "cluster-node-b" : "cluster-node-a";
        assertThat(locked.getOrDefault(victim, 0)).as("jobs in flight on the node to kill: " + locked).isPositive();
        AppProcess survivor = nodes.get(survivorName);
        nodes.remove(victim).kill();
        Instant killedAt = Instant.now();
        billing.release();

        Instant resumed = await().atMost(LONG).until(() -> billing.calls().size() > DELETIONS ? Instant.now() : null,
                at -> at != null);
        System.out.printf("TwoNodesIntegrationTest: %s killed holding %d job lock(s); %s called again after %d s%n",
                victim, locked.get(victim), survivorName, Duration.between(killedAt, resumed).toSeconds());

        for (Journey deletion : deletions) {
            awaitProcessorMail(deletion.onPort(survivor.port())).confirmAsProcessor(Journey.DEMO_AGENCY, "Removed.");
        }
        for (Journey deletion : deletions) {
            String answer = deletion.awaitMail("Our answer to your request " + deletion.reference(), LONG.plus(LONG));
            assertThat(answer).contains("Billing service: done. Deleted the billing profile.");
        }
        System.out.printf("TwoNodesIntegrationTest: all %d deletions answered %d s after the kill%n", DELETIONS,
                Duration.between(killedAt, Instant.now()).toSeconds());
        assertThat(billing.workDone()).as("each erasure done once in the billing service").isEqualTo(DELETIONS);
        assertThat(lockedJobs()).as("no job left locked by the dead node").doesNotContainKey(victim);

        // The digest went on after the kill, from the survivor.
        await().atMost(LONG).until(() -> digests(overdue.reference()).stream()
                .anyMatch(mail -> createdAt(mail).isAfter(killedAt)));

        // Messages stay in the outbox a moment after they are sent: a duplicate would arrive within this.
        await().pollDelay(Journey.QUIET).atMost(Journey.QUIET.multipliedBy(2)).until(() -> true);

        for (Journey request : withAll(deletions, access)) {
            JsonNode resource = request(survivor.port(), request.reference());
            assertThat(resource.path("status").asText()).as(request.reference()).isIn("RESPONDED", "CLOSED");
            List<String> kinds = values(resource.path("timeline"), "kind");
            assertThat(kinds.stream().filter("RESPONDED"::equals)).as("answered once: " + request.reference())
                    .hasSize(1);
            assertThat(values(resource.path("timeline"), entry -> entry.path("kind").asText().equals(
                    "SYSTEM_COMPLETED") ? entry.path("description").asText() : null))
                    .as("each system completed once: " + request.reference()).doesNotHaveDuplicates();
            List<String> messageKinds = values(resource.path("messages"), message -> message.path("kind").asText()
                    .equals("DOWNLOAD_CODE") ? null : message.path("kind").asText() + " to "
                    + message.path("recipient").asText() + ": " + message.path("subject").asText());
            assertThat(messageKinds).as("each message written once: " + request.reference()).doesNotHaveDuplicates();
            Map<String, Long> subjects = request.mails().stream().map(TestMailServer::subject)
                    .filter(subject -> !subject.contains("download code"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(subjects).as("each email received once: " + request.reference())
                    .allSatisfy((subject, count) -> assertThat(count).as(subject).isEqualTo(1));
        }
        List<String> messageIds = Arrays.stream(TestMailServer.instance().getReceivedMessages())
                .filter(mail -> !createdAt(mail).isBefore(started.minusSeconds(1))).map(this::messageId).toList();
        assertThat(messageIds).as("no outbox message sent twice").doesNotHaveDuplicates();

        // One digest a turn for each recipient: the turns are minutes (cron "0 * * * * *").
        List<MimeMessage> digests = digests(overdue.reference());
        Map<String, Long> perRecipientAndTurn = digests.stream().collect(Collectors.groupingBy(
                mail -> recipient(mail) + " " + createdAt(mail).truncatedTo(ChronoUnit.MINUTES),
                Collectors.counting()));
        System.out.printf("TwoNodesIntegrationTest: %d digest(s) in %d recipient-turn(s)%n", digests.size(),
                perRecipientAndTurn.size());
        assertThat(perRecipientAndTurn).as("digests per recipient and turn").isNotEmpty()
                .allSatisfy((turn, count) -> assertThat(count).as(turn).isEqualTo(1));
        assertThat(perRecipientAndTurn.keySet().stream().map(key -> key.substring(key.indexOf(' ') + 1))
                .collect(Collectors.toSet())).as("turns with a digest").hasSizeGreaterThan(1);
    }

    private AppProcess start(String nodeId) throws Exception {
        Path log = Path.of("target", "two-nodes-" + nodeId + ".log");
        Files.deleteIfExists(log);
        List<String> arguments = new ArrayList<>(List.of(
                // The default (demo) profile, its demo staff and systems, on the cluster's PostgreSQL database.
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                "--rightsflow.demo.shop-url=jdbc:h2:tcp://localhost:" + shop.getPort() + "/shop",
                "--rightsflow.demo.mailbox.enabled=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.port(),
                "--rightsflow.mail.dispatch-interval=PT0.2S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                "--rightsflow.jobs.node-id=" + nodeId,
                // Files are in the database (the default store): each node a directory of its own, so the package
                // downloaded from the node that did not build it came from the database.
                "--rightsflow.storage.directory=" + workDirectory.resolve("files-" + nodeId),
                "--rightsflow.clock.holiday-directory=" + workDirectory.resolve("holidays-" + nodeId),
                // A turn every minute; a node's trigger up to 40 s late still finds its turn taken.
                "--rightsflow.digest.cron=0 * * * * *", "--rightsflow.digest.lock-at-least-for=PT40S",
                "--rightsflow.access-package.review-before-release=",
                "--rightsflow.limits.mails-per-address-per-day=1000",
                "--rightsflow.limits.request-form.per-client=100000",
                "--rightsflow.limits.request-form.per-subject=1000",
                "--rightsflow.limits.secret-link.per-client=100000",
                "--rightsflow.limits.status-page.per-client=100000",
                "--rightsflow.limits.download-code.per-client=100000",
                "--rightsflow.limits.download-code.per-subject=1000",
                "--rightsflow.limits.code-entry.per-client=100000",
                "--rightsflow.limits.staff-login.per-client=100000",
                "--logging.level.root=warn", "--logging.level.org.rightsflow=info"));
        AppProcess node = AppProcess.start(log, arguments);
        nodes.put(nodeId, node);
        return node;
    }

    // The journey's own waits are sized for one quiet application; two nodes on a loaded machine get longer first.

    private static Journey awaitVerificationMail(Journey journey) {
        journey.awaitMail("Please confirm your request " + journey.reference(), LONG);
        return journey;
    }

    private static Journey awaitProcessorMail(Journey journey) {
        await().atMost(LONG).until(() -> TestMailServer.messagesTo(Journey.DEMO_AGENCY).stream()
                .anyMatch(mail -> TestMailServer.subject(mail).contains(journey.reference())));
        return journey;
    }

    private Journey awaitTasks(int port, Journey journey, int tasks) {
        await().atMost(LONG).until(() -> values(request(port, journey.reference()).path("timeline"), "kind").stream()
                .filter("TASK_CREATED"::equals).count() >= tasks);
        return journey;
    }

    private String submitThroughApi(int port, String email, LocalDate receivedAt) throws Exception {
        String body = json.writeValueAsString(Map.of("type", "ACCESS", "regime", "GDPR", "receivedAt",
                receivedAt.toString(), "details", "A letter we only now typed in.",
                "subject", Map.of("email", email, "name", "Jo Tester")));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/requests"))
                .header("X-Api-Key", "demo-api-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("reference").asText();
    }

    private JsonNode request(int port, String reference) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/requests/" + reference))
                .header("X-Api-Key", "demo-api-key").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Jobs locked now, per lock owner. */
    private Map<String, Integer> lockedJobs() throws Exception {
        Map<String, Integer> locked = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
             PreparedStatement query = connection.prepareStatement("select lock_owner_, count(*) from act_ru_job"
                     + " where lock_owner_ is not null group by lock_owner_");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                locked.put(rows.getString(1), rows.getInt(2));
            }
        }
        return locked;
    }

    /** The digest's ShedLock row is held for its lockAtMostFor (30 minutes) while it runs, 30 s after it ended. */
    private boolean digestRunning() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
             PreparedStatement query = connection.prepareStatement("select count(*) from shedlock where name ="
                     + " 'morning-digest' and lock_until > locked_at + interval '5 minutes'");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    private static int secondOfMinute() {
        return Instant.now().atOffset(ZoneOffset.UTC).getSecond();
    }

    private List<MimeMessage> digests(String reference) {
        return Arrays.stream(TestMailServer.instance().getReceivedMessages())
                .filter(mail -> TestMailServer.subject(mail).startsWith(DIGEST_SUBJECT))
                .filter(mail -> TestMailServer.body(mail).contains(reference)).toList();
    }

    private String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When the outbox row was written, from the Message-ID the dispatcher gives every message. */
    private Instant createdAt(MimeMessage mail) {
        Matcher matcher = MESSAGE_ID.matcher(String.valueOf(messageId(mail)));
        return matcher.find() ? Instant.ofEpochMilli(Long.parseLong(matcher.group(2))) : Instant.EPOCH;
    }

    private static String recipient(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Journey> withAll(List<Journey> journeys, Journey more) {
        List<Journey> all = new ArrayList<>(journeys);
        all.add(more);
        return all;
    }

    private static List<String> values(JsonNode array, String field) {
        return values(array, entry -> entry.path(field).asText());
    }

    private static List<String> values(JsonNode array, Function<JsonNode, String> value) {
        return StreamSupport.stream(array.spliterator(), false).map(value).filter(v -> v != null).toList();
    }
}
