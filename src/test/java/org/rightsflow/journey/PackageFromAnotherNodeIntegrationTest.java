package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsflow.testsupport.AppProcess;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;

/**
 * Two nodes on one database, each with a storage directory of its own: the access package that node A assembled,
 * with the file a staff member uploaded on node A, is downloaded from node B, which never saw either file. The
 * default store keeps sealed files in the database (rightsflow.storage.kind: database); neither directory holds
 * anything afterwards. Each node runs in a JVM of its own (Camunda's webapps keep engine registries in static state),
 * on one H2 file database in server mode, as {@link CrashRecoveryIntegrationTest} does.
 */
class PackageFromAnotherNodeIntegrationTest {

    static final String CUSTOMER = "grace.hopper@example.com";

    @TempDir
    Path work;

    private final List<AppProcess> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(AppProcess::kill);
    }

    @Test
    void aPackageAssembledOnOneNodeIsDownloadedFromAnotherThatHasNoneOfItsFiles() throws IOException {
        Path filesOfA = work.resolve("node-a-files");
        Path filesOfB = work.resolve("node-b-files");
        AppProcess nodeA = start("a", filesOfA);

        Journey journey = new Journey(nodeA.port(), "unused").withEmail(CUSTOMER);
        journey.submit("ACCESS", "GDPR", "Everything please.");
        journey.confirmFromEmail();
        WebSession owner = new WebSession(nodeA.port()).login("owner", "owner");
        String task = await().atMost(Duration.ofMinutes(2)).until(() -> owner.inboxTaskLink(journey.reference(),
                "Support desk"), found -> found != null);
        byte[] export = "ticket,subject\r\n1,\"Bug found in the Mark II\"\r\n".getBytes(StandardCharsets.UTF_8);
        Page page = owner.postFile(task + "/upload", owner.get(task), "file", "tickets.csv", "text/csv", export);
        owner.post(task + "/complete", page, Map.of("outcome", "DONE", "comment", "Exported the tickets."));
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "The agency holds the subscription only.");
        assertThat(journey.awaitMail("Our answer to your request " + journey.reference(), Duration.ofMinutes(3)))
                .contains("Your copy of your data is ready");

        AppProcess nodeB = start("b", filesOfB);
        Map<String, byte[]> zip = AccessPackageJourneyIntegrationTest.unzip(journey.onPort(nodeB.port())
                .downloadPackage());

        assertThat(zip).containsKeys("summary.html", "data/shop-db.json");
        assertThat(zip.get("files/support-desk/tickets.csv")).as("the upload made on node A").isEqualTo(export);
        assertThat(new String(zip.get("data/shop-db.json"), StandardCharsets.UTF_8)).contains(CUSTOMER);
        assertThat(filesIn(filesOfA)).as("node A's directory").isEmpty();
        assertThat(filesIn(filesOfB)).as("node B's directory").isEmpty();
    }

    private AppProcess start(String node, Path storageDirectory) throws IOException {
        Path log = Path.of("target", "package-other-node-" + node + ".log");
        Files.deleteIfExists(log);
        AppProcess app = AppProcess.start(log, List.of(
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("rightsflow") + ";AUTO_SERVER=TRUE",
                "--rightsflow.demo.shop-url=jdbc:h2:file:" + work.resolve("shop") + ";AUTO_SERVER=TRUE",
                "--rightsflow.storage.directory=" + storageDirectory,
                "--rightsflow.jobs.node-id=node-" + node,
                // Released without a privacy officer's review, as in the other journeys (src/test/resources/config).
                "--rightsflow.access-package.review-before-release=",
                // The shared test mail server, not the demo mailbox the default profile would start.
                "--rightsflow.demo.mailbox.enabled=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.port(),
                "--rightsflow.mail.dispatch-interval=PT0.2S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                "--logging.level.root=warn", "--logging.level.org.rightsflow=info"));
        nodes.add(app);
        return app;
    }

    /** Every regular file below the folder (none when it was never created). */
    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
