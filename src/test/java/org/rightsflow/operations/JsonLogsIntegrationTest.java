package org.rightsflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsflow.testsupport.AppProcess;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.TestMailServer;

/**
 * The profile {@code json-logs} as a log collector reads it, from the console of the application in a JVM of its
 * own: every line is one JSON object, a line written while a request's process runs names the request (MDC
 * {@code reference}), and the person's email address is nowhere in the log.
 */
class JsonLogsIntegrationTest {

    @TempDir
    Path workDirectory;

    private AppProcess app;
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void everyLineIsJsonAndAProcessStepsLineNamesItsRequestButNeverThePerson() throws Exception {
        Path log = Path.of("target", "json-logs-application.log");
        Files.deleteIfExists(log);
        app = AppProcess.start(log, List.of("--spring.profiles.active=json-logs",
                "--spring.datasource.url=jdbc:h2:file:" + workDirectory.resolve("rightsflow") + ";AUTO_SERVER=TRUE",
                "--rightsflow.demo.shop-url=jdbc:h2:file:" + workDirectory.resolve("shop") + ";AUTO_SERVER=TRUE",
                "--rightsflow.storage.directory=" + workDirectory.resolve("files"),
                "--rightsflow.demo.mailbox.enabled=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.port(),
                "--rightsflow.mail.dispatch-interval=PT0.2S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                // The engine's executing steps, as debug lines written inside the process steps themselves.
                "--logging.level.org.camunda.bpm.engine.context=debug"));

        Journey journey = new Journey(app.port(), "json.logs.person");
        journey.submit("ACCESS", "GDPR", "Everything you hold about me.");
        journey.awaitMail("Please confirm your request");
        String reference = journey.reference();

        await().atMost(Duration.ofSeconds(60)).until(() -> lines(log).stream()
                .anyMatch(line -> referenceOf(line).equals(reference)));
        app.kill();
        app = null;

        List<String> lines = lines(log);
        assertThat(lines).hasSizeGreaterThan(20);
        List<String> notJson = new ArrayList<>();
        for (String line : lines) {
            if (!isJsonObject(line)) {
                notJson.add(line);
            }
        }
        assertThat(notJson).as("lines that are not one JSON object each").isEmpty();
        JsonNode step = json.readTree(lines.stream().filter(line -> referenceOf(line).equals(reference))
                .findFirst().orElseThrow());
        assertThat(step.path("processInstanceId").asText()).isNotBlank();
        assertThat(step.path("@timestamp").asText()).isNotBlank();
        assertThat(step.path("log").path("level").asText()).isNotBlank();

        String all = String.join("\n", lines).toLowerCase(Locale.ROOT);
        assertThat(all).as("the person's address").doesNotContain(journey.email().toLowerCase(Locale.ROOT))
                .doesNotContain(journey.email().substring(0, journey.email().indexOf('@')).toLowerCase(Locale.ROOT));
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
    }

    private String referenceOf(String line) {
        try {
            return json.readTree(line).path("reference").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private boolean isJsonObject(String line) {
        try {
            return json.readTree(line).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
