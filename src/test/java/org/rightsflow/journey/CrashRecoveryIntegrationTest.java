package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
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
 * The application is killed (SIGKILL) in the middle of a fan-out, while a call to a company service is in flight,
 * and started again on the same databases: the request completes, and no action is applied twice with effect. The
 * erasure in the shop database committed before the crash is not repeated; the interrupted call is repeated with
 * the same idempotency key, and the service does its work once.
 *
 * <p>As in production: Rightsflow's database is PostgreSQL, and the shop's database a server of its own (H2, in this
 * JVM) that the crash does not take down. (On the embedded H2 default, a killed JVM lost the last second of commits
 * before {@code WRITE_DELAY=0}: a completed approval was open again after the restart, and the request stood still.)
 */
@ExtendWith(PostgresTestDatabase.class)
class CrashRecoveryIntegrationTest {

    static final String CUSTOMER = "katherine.johnson@example.com";
    static final long CUSTOMER_ID = 4;
    static final String SECRET = "whsec-crash-0123456789abcdef0123456789abcdef";

    @TempDir
    Path workDirectory;

    private FakeCompanyService billing;
    private Server shop;
    private AppProcess app;
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        if (app != null) {
            app.kill();
        }
        if (billing != null) {
            billing.release();
            billing.close();
        }
        if (shop != null) {
            shop.stop();
        }
    }

    @Test
    void aRequestInterruptedByACrashCompletesAfterTheRestartWithEveryActionAppliedOnce() throws Exception {
        String databaseUrl = PostgresTestDatabase.freshDatabase("crash").get("spring.datasource.url").toString();
        shop = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
                workDirectory.resolve("shop").toString()).start();
        billing = new FakeCompanyService(SECRET).holdingCalls().answeringNow("""
                {"action": "ERASE", "summary": "Deleted the billing profile.",
                 "tables": [{"table": "profiles", "rowsFound": 1, "rowsDeleted": 1}]}""");
        // Kept under target/ so that a failure leaves the application's own account of it.
        Path log = Path.of("target", "crash-recovery-application.log");
        java.nio.file.Files.deleteIfExists(log);
        List<String> arguments = List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                "--rightsflow.demo.shop-url=" + shopUrl(),
                // The shared test mail server, not the demo mailbox the default profile would start.
                "--rightsflow.demo.mailbox.enabled=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.port(),
                "--rightsflow.mail.dispatch-interval=PT0.2S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                // The same node each time (the port changes): the restart frees the locks the killed JVM held,
                // rather than waiting for them to run out (the log says how many). The lock time is the product's
                // (40 s): a job that loses an optimistic-locking conflict keeps its lock until it runs out, and with
                // a 5-minute lock here such a job made the answer miss its two minutes.
                "--rightsflow.jobs.node-id=crash-recovery-node",
                "--logging.level.root=warn", "--logging.level.org.rightsflow=info");

        app = AppProcess.start(log, arguments);
        billing.registerAsBilling(app.port(), workDirectory.resolve("billing-secret"), "PT2M");
        Journey journey = new Journey(app.port(), "unused").withEmail(CUSTOMER);
        journey.submit("DELETION", "GDPR", "Delete my account.");
        journey.confirmFromEmail();
        // Approve the shop's erasure and complete the support desk: the shop database is erased and committed,
        // while the billing call hangs and the processor has not answered: the middle of the fan-out.
        journey.completeTasksAs("owner", "owner", 2, "DONE", "Deleted in the help desk.");
        await().atMost(Journey.PATIENCE).until(() -> shopCount(
                "select count(*) from addresses where customer_id = " + CUSTOMER_ID) == 0);
        await().atMost(Journey.PATIENCE).until(() -> billing.calls().size() == 1);

        app.kill();
        billing.release();
        String keyBeforeCrash = billing.calls().get(0).idempotencyKey();

        app = AppProcess.start(log, arguments);
        journey.onPort(app.port());
        await().atMost(Duration.ofSeconds(90)).until(() -> billing.calls().size() >= 2);
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Removed.");

        String answer;
        try {
            answer = journey.awaitMail("Our answer to your request " + journey.reference(), Duration.ofMinutes(2));
        } catch (ConditionTimeoutException e) {
            // Where the request stood, for whoever reads the failure (the application logs no step at warn).
            throw new AssertionError("No answer within 2 minutes; the request's timeline: "
                    + request(journey.reference()).path("timeline"), e);
        }
        assertThat(answer).contains("Billing service: done. Deleted the billing profile.", "Support desk: done",
                "Mailing agency: done");
        // The kill may land after the shop database committed its erasure but before Rightsflow recorded it: then
        // the repeated step finds nothing left to erase, and the answer says only that it is done.
        assertThat(answer).contains("Shop customer database: done");
        await().atMost(Journey.PATIENCE).until(() -> "Completed".equals(journey.statusPage().text("#request-status")));

        assertThat(billing.calls()).extracting(FakeCompanyService.Call::idempotencyKey).containsOnly(keyBeforeCrash);
        assertThat(billing.workDone()).as("the service did the erasure once").isEqualTo(1);
        List<String> steps = StreamSupport.stream(request(journey.reference()).path("timeline").spliterator(), false)
                .map(entry -> entry.path("description").asText()).filter(text -> text.contains(", erase: ")).toList();
        assertThat(steps).as("one recorded erasure per system").hasSize(2)
                .anyMatch(text -> text.startsWith("Shop customer database, erase: "))
                .anyMatch(text -> text.startsWith("Billing service, erase: Deleted the billing profile."));
        assertThat(shopCount("select count(*) from customers where id = " + CUSTOMER_ID
                + " and first_name = '[erased]'")).isEqualTo(1);
    }


    private long shopCount(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(shopUrl(), "sa", "");
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private String shopUrl() {
        return "jdbc:h2:tcp://localhost:" + shop.getPort() + "/shop";
    }

    private JsonNode request(String reference) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.port() + "/api/v1/requests/" + reference))
                .header("X-Api-Key", "demo-api-key").build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
