package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.DemoApi;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, "secrets are for the subject's mailbox only": an access request carried through to the download, with
 * every email really delivered. Then every staff role reads the request page and an API client the request resource:
 * each message is there with its links and codes replaced by what they are, and none of the verification link, the
 * status link, the download code, the download link, the processor's link or the preference link the subject
 * received appears; nor does the outbox table hold any of them, or the subject's address, in clear.
 */
@RightsflowIntegrationTest
class StaffSeeNoMailSecretsIntegrationTest {

    /** A generated demo customer no other test uses: the tests share one mail server and find mail by address. */
    static final int CUSTOMER = 61;

    private static final Pattern TOKEN_PATH = Pattern.compile("/(verify|status|preferences|processors/confirm)/([A-Za-z0-9_-]{16,})");

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noStaffRoleAndNoApiKeySeesAWorkingSecretOfTheSubjectsMail() throws Exception {
        String email = ShopDatabase.of(systems).emailOf(CUSTOMER);
        Journey journey = new Journey(port, "secrets").withEmail(email);
        journey.submit("ACCESS", "GDPR", "Everything you hold.");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 1, "DONE", "Nothing in the support desk.");
        String processorMail = journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Subscription only.");
        journey.awaitMail("Our answer to your request " + journey.reference());
        String code = journey.requestDownloadCode();
        Page download = journey.enterDownloadCode(code);
        assertThat(download.status()).isEqualTo(200);
        String downloadLink = download.document().selectFirst("#download-link").attr("href");
        WebSession subject = journey.subjectSession();
        subject.post("/preferences", subject.get("/preferences"), Map.of("email", email));
        String preferenceMail = await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(email).stream()
                .filter(m -> TestMailServer.subject(m).contains("Your privacy choices")).map(TestMailServer::body)
                .findFirst().orElse(null), body -> body != null);

        List<String> secrets = new ArrayList<>();
        journey.mails().stream().map(TestMailServer::body).forEach(body -> secrets.addAll(tokens(body)));
        secrets.addAll(tokens(processorMail));
        secrets.addAll(tokens(preferenceMail));
        secrets.add(downloadLink.substring(downloadLink.lastIndexOf('/') + 1));
        assertThat(secrets).as("the mails carried every kind of secret").hasSizeGreaterThanOrEqualTo(5);
        List<String> forbidden = new ArrayList<>(secrets);
        forbidden.add(code);
        forbidden.add(downloadLink);

        for (String[] login : List.of(new String[] {"admin", "admin"}, new String[] {"dpo", "dpo"})) {
            Page page = new WebSession(port).login(login[0], login[1]).get("/staff/requests/" + journey.reference());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).as("the request page for " + login[0]).doesNotContain(forbidden);
            assertThat(page.mainText()).as("the messages are there, each secret named")
                    .contains("Please confirm your request", "[one-time verification link]", "[private status link]",
                            "[download code]", "[processor confirmation link]");
        }
        // A system owner's view of the request is the authorisation's business; whatever it shows holds no secret.
        Page ownersView = new WebSession(port).login("owner", "owner").get("/staff/requests/" + journey.reference());
        assertThat(ownersView.body()).as("the request page for the system owner").doesNotContain(forbidden);

        JsonNode resource = apiGet("/api/v1/requests/" + journey.reference());
        String messages = resource.path("messages").toString();
        assertThat(messages).doesNotContain(forbidden)
                .contains("[one-time verification link]", "[private status link]", "[download code]");
        assertThat(resource.path("messages").findValuesAsText("subject"))
                .contains("Please confirm your request " + journey.reference());

        List<Map<String, Object>> rows = jdbc.queryForList("select * from outbox_message");
        assertThat(rows).allSatisfy(row -> assertThat(String.valueOf(row.values()))
                .doesNotContain(forbidden).doesNotContain(email));
        await().atMost(Journey.PATIENCE).until(() -> jdbc.queryForObject("select count(*) from outbox_message "
                + "where request_reference = ? and status in ('PENDING', 'SENDING')", Integer.class,
                journey.reference()) == 0);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where request_reference = ? and "
                + "deliverable_body is not null", Integer.class, journey.reference()))
                .as("every message delivered, no deliverable body left").isZero();
    }

    @Test
    void withoutTheDemoMailboxThereIsNoMailboxPage() {
        // The test configuration turns the demo mailbox off, as a real installation is: nobody reads others' mail.
        assertThat(new WebSession(port).get("/demo/mailbox").status()).isEqualTo(404);
        assertThat(new WebSession(port).login("admin", "admin").get("/demo/mailbox").status()).isEqualTo(404);
    }

    /** The tokens of the secret links in a mail body. */
    private static List<String> tokens(String body) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN_PATH.matcher(body);
        while (matcher.find()) {
            tokens.add(matcher.group(2));
        }
        return tokens;
    }

    private JsonNode apiGet(String path) throws Exception {
        return DemoApi.get(port, path);
    }
}
