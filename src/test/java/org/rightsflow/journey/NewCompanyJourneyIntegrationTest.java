package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.audit.Actors;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.Channel;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.PackVerifier;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13's acceptance, walked in one go as a new company would, on PostgreSQL (an empty database of its own, the
 * demo logins and systems of the default profile): in Chromium the admin makes a team and a system owner in it, the
 * person sets their password from the emailed link, and the admin gives the team a new manual system; a few thousand
 * other requests are seeded in the database; one erasure request comes through the privacy center and is verified;
 * the new person finds only their system's task in their inbox and completes it; the privacy officer finds the
 * request among the thousands by the subject's address, reads its page and diagram, drives it to its answer, exports
 * its evidence pack and checks it with the real {@code sha256sum} and {@code openssl}; two years on, the purge
 * removes it and counts it in its log, while a request closed a year later stays. It moves Camunda's clock, so it
 * runs in its own JVM with a context of its own.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
@ExtendWith(PostgresTestDatabase.class)
class NewCompanyJourneyIntegrationTest {

    private static final Pattern SET_PASSWORD_LINK = Pattern.compile("https?://\\S+(/staff/set-password/[A-Za-z0-9_-]+)");
    private static final String SUFFIX = Long.toString(System.nanoTime(), 36);
    private static final String GROUP = "archive-team-" + SUFFIX;
    private static final String USERNAME = "ari-" + SUFFIX;
    private static final String USER_EMAIL = USERNAME + "@example.com";
    private static final String PASSWORD = "copper lantern 83 meadow";
    private static final String SYSTEM_KEY = "paper-archive-" + SUFFIX;
    private static final String SYSTEM_NAME = "Paper archive " + SUFFIX;
    private static final String ARCHIVE_COMMENT = "Shredded the two paper order forms in the archive.";
    /** Requests seeded in the database beside the one followed: "thousands", and a list of many pages. */
    private static final int SEEDED = 3_000;

    @RegisterExtension
    static final Browser browser = new Browser();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.freshDatabase("journey").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    RequestIntake intake;

    @Autowired
    RequestDirectory requests;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewTeamWorksItsFirstRequestFromTheInboxToThePurge(@TempDir Path dir) throws Exception {
        Instant start = Instant.now();
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");

        // 1. The admin makes the team and its first member, who sets a password from the emailed link.
        signIn("admin", "admin");
        open("/staff/admin/groups");
        browser.find("#name").sendKeys(GROUP);
        browser.find("#displayName").sendKeys("Archive team");
        submit("form.stacked");
        assertThat(browser.find("h1").getText()).isEqualTo("Group " + GROUP);

        open("/staff/admin/users/new");
        browser.find("#username").sendKeys(USERNAME);
        browser.find("#displayName").sendKeys("Ari Archive");
        browser.find("#email").sendKeys(USER_EMAIL);
        browser.find("#role-SYSTEM_OWNER").click();
        browser.find("input[name=groups][value='" + GROUP + "']").click();
        submit("form.stacked");
        assertThat(browser.find("h1").getText()).isEqualTo("User " + USERNAME);
        assertThat(browser.find("main").getText()).contains("A link to choose a password was emailed");

        // 2. A new manual system, its owner group chosen from the list: each erasure gives the team a task.
        open("/staff/systems/new");
        new Select(browser.find("#ownerGroup")).selectByValue(GROUP);
        browser.find("#yaml").clear();
        browser.find("#yaml").sendKeys("key: " + SYSTEM_KEY + "\nname: " + SYSTEM_NAME + "\nkind: manual\n"
                + "requestTypes: [DELETION]\ninstructions: Find the paper order forms by the email address.\n");
        submit("form[action='/staff/systems/new']");
        assertThat(browser.find("main").getText()).contains("Saved " + SYSTEM_NAME);
        assertThat(systems.find(SYSTEM_KEY).orElseThrow().ownerGroup()).isEqualTo(GROUP);

        String link = awaitSetPasswordLink();
        browser.driver().manage().deleteAllCookies();
        open(link);
        assertThat(browser.find("h1").getText()).isEqualTo("Choose your password");
        browser.find("#password").sendKeys(PASSWORD);
        browser.find("#repeated").sendKeys(PASSWORD);
        submit("form.stacked");
        assertThat(browser.find("#password-set").getText()).contains("Your password is set");

        // 3. Thousands of other requests, then the one followed: an erasure through the privacy center, verified.
        int seeded = seedRequests();
        ShopDatabase shop = ShopDatabase.of(systems);
        Journey journey = new Journey(port, "new-company").withEmail(shop.emailOf(120));
        journey.submit("DELETION", "GDPR", "Please delete my account and my orders.");
        journey.confirmFromEmail();
        String reference = journey.reference();

        // 4. The new person's inbox: the task of their system for this request, and nothing of anyone else's.
        signIn(USERNAME, PASSWORD);
        assertThat(browser.currentUrl()).endsWith("/staff");
        List<WebElement> rows = await().atMost(Journey.PATIENCE).until(() -> {
            browser.driver().navigate().refresh();
            return browser.driver().findElements(By.cssSelector("main tbody tr"));
        }, found -> !found.isEmpty());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(reference, SYSTEM_NAME).doesNotContain("Support desk");
        browser.andWaitForNextPage(() -> rows.get(0).findElement(By.cssSelector("a[href^='/staff/tasks/']")).click());
        assertThat(browser.find("main").getText()).contains("Find the paper order forms by the email address.");
        browser.find("input[name=outcome][value=DONE]").click();
        browser.find("#comment").sendKeys(ARCHIVE_COMMENT);
        submit("form[action$='/complete']");
        assertThat(browser.currentUrl()).endsWith("/staff");
        assertThat(browser.find("main").getText()).contains("Done:");
        assertThat(browser.driver().findElements(By.cssSelector("main tbody tr"))).as("an empty inbox").isEmpty();

        // 5. The privacy officer finds the one request among the thousands by the subject's address.
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page all = dpo.get("/staff/requests");
        assertThat(total(all)).isGreaterThan(seeded);
        Page found = dpo.get("/staff/requests?email=" + encode(journey.email().toUpperCase()));
        assertThat(found.status()).isEqualTo(200);
        assertThat(references(found)).containsExactly(reference);
        assertThat(found.text("caption")).isEqualTo("1 request(s)");
        Page page = dpo.get("/staff/requests/" + reference);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#request-facts")).contains(reference, "Deletion", "GDPR");
        Page diagram = dpo.get("/staff/requests/" + reference + "/diagram.json");
        assertThat(diagram.status()).isEqualTo(200);
        assertThat(diagram.header("Content-Type")).startsWith("application/json");
        assertThat(diagram.body()).contains(SYSTEM_NAME, "Support desk").doesNotContain(journey.email(), reference);

        signIn("dpo", "dpo");
        open("/staff/requests/" + reference);
        browser.waitUntil(d -> browser.isPresent("#request-diagram[data-drawn=true]"));
        assertThat(browser.find("#system-standings").getText()).contains(SYSTEM_NAME, "Support desk: in progress");
        List<String> steps = browser.driver().findElements(By.cssSelector("#diagram-steps li")).stream()
                .map(WebElement::getText).toList();
        assertThat(steps).anyMatch(s -> s.startsWith("In progress: ") && s.endsWith("(system Support desk)"));

        // The rest of the request, as the demo's owner and processor do it, to its answer.
        journey.completeTasksAs("owner", "owner", 2, "DONE", "Deleted in the support desk.");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Deleted from the agency's list.");
        journey.awaitMail("Our answer to your request " + reference);
        await().atMost(Journey.PATIENCE).until(() -> requests.get(reference).closedAt() != null);

        // 6. Its evidence pack, checked as an outsider would, with the key the application publishes.
        WebSession.Download pack = dpo.download("/staff/evidence/requests/" + reference + ".zip");
        assertThat(pack.status()).isEqualTo(200);
        assertThat(pack.contentType()).isEqualTo("application/zip");
        Map<String, byte[]> files = PackVerifier.unzip(pack.body());
        String published = new WebSession(port).download("/staff/evidence/public-key.pem").text();
        assertThat(new String(files.get("public.pem"), StandardCharsets.UTF_8)).isEqualTo(published);
        assertThat(PackVerifier.verify(files, PackVerifier.publicKey(published))).as("the JDK's check").isEmpty();
        assertThat(new String(files.get("systems.json"), StandardCharsets.UTF_8)).contains(SYSTEM_NAME, ARCHIVE_COMMENT);
        assertThat(new String(files.get("summary.txt"), StandardCharsets.UTF_8))
                .contains("Reference: " + reference, "Status: CLOSED");
        Path unpacked = PackVerifier.write(dir.resolve("pack"), files);
        assertThat(PackVerifier.sha256sumCheck(unpacked)).as("sha256sum -c manifest.txt").isZero();
        assertThat(PackVerifier.opensslVerify(unpacked)).as("openssl pkeyutl -verify").isZero();

        // 7. A year on, another request closes; two years on (past the 24 months), the purge runs.
        ClockUtil.setCurrentTime(Date.from(start.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant()));
        String younger = closedWithNobodyActing();
        ClockUtil.setCurrentTime(Date.from(start.atOffset(ZoneOffset.UTC).plusMonths(25).toInstant()));
        long before = count();

        WebSession admin = new WebSession(port).login("admin", "admin");
        Page retention = admin.get("/staff/retention");
        assertThat(retention.mainText()).contains("1 request(s) are past their retention period.");
        Page purged = admin.post("/staff/retention/purge", retention, Map.of());
        assertThat(purged.uri()).endsWith("/staff/retention");
        assertThat(purged.mainText()).contains("1 request(s) past their retention period removed.");
        Element latest = purged.document().selectFirst("main tbody tr:has(ul)");
        assertThat(latest).as("the purge log's newest row").isNotNull();
        assertThat(latest.select("td").get(1).text()).isEqualTo("1");
        assertThat(latest.select("li").eachText()).contains("requests: 1");
        assertThat(purged.body()).as("the log keeps counts, never a reference").doesNotContain(reference);

        WebSession officer = new WebSession(port).login("dpo", "dpo");
        Page gone = officer.get("/staff/requests/" + reference);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("h1")).isEqualTo("Request not found");
        Page searched = officer.get("/staff/requests?email=" + encode(journey.email()));
        assertThat(searched.text("#no-requests")).isEqualTo("No request matches the search.");
        assertThat(count()).isEqualTo(before - 1);
        assertThat(officer.get("/staff/requests/" + younger).status()).as("the request closed a year later").isEqualTo(200);
        assertThat(references(officer.get("/staff/requests?reference=" + younger))).containsExactly(younger);
    }

    /**
     * Thousands of requests beside the one followed, written straight into the database in one batch: copies of two
     * requests taken in through the intake (so that their sealed columns are real), each with a reference and status
     * link hash of its own. They have no process, so they give nobody a task.
     */
    private int seedRequests() {
        List<String> templates = List.of(
                template(RequestType.ACCESS, Regime.GDPR, "crowd-gdpr-" + SUFFIX + "@example.com"),
                template(RequestType.ACCESS, Regime.CCPA, "crowd-ccpa-" + SUFFIX + "@example.com"));
        List<String> columns = jdbc.queryForList("select * from dsr_request where reference = ?", templates.get(0))
                .get(0).keySet().stream().map(String::toLowerCase).filter(column -> !column.equals("id")).toList();
        String copied = String.join(", ", columns.stream()
                .map(c -> c.equals("reference") || c.equals("status_token_hash") ? "?" : c).toList());
        String sql = "insert into dsr_request (" + String.join(", ", columns) + ") select " + copied
                + " from dsr_request where reference = ?";
        int referenceAt = columns.indexOf("reference");
        int hashAt = columns.indexOf("status_token_hash");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < SEEDED; i++) {
            String template = templates.get(i % templates.size());
            Object[] row = new Object[3];
            String reference = template.substring(0, "DSR-2026-".length()) + "S" + String.format("%09d", i);
            String hash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
            row[referenceAt < hashAt ? 0 : 1] = reference;
            row[referenceAt < hashAt ? 1 : 0] = hash;
            row[2] = template;
            rows.add(row);
        }
        jdbc.batchUpdate(sql, rows);
        assertThat(count()).isGreaterThanOrEqualTo(SEEDED + templates.size());
        return SEEDED;
    }

    private String template(RequestType type, Regime regime, String email) {
        return intake.submit(new NewRequest(type, regime, new SubjectIdentity(email, "Casey Crowd", null), "",
                Channel.POST, Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), Actors.SUBJECT,
                null)).request().reference();
    }

    /** A limit of sensitive data use (CCPA) runs to its end with nobody acting: submitted, carried out, closed. */
    private String closedWithNobodyActing() {
        Journey other = new Journey(port, "new-company-younger");
        other.submit("LIMIT_SENSITIVE", "CCPA", "");
        await().atMost(Journey.PATIENCE.multipliedBy(2)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(other.reference()).count() == 0
                        && requests.get(other.reference()).closedAt() != null);
        return other.reference();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from dsr_request", Long.class);
    }

    private String awaitSetPasswordLink() {
        String body = TestMailServer.body(await().atMost(Journey.PATIENCE)
                .until(() -> TestMailServer.messagesTo(USER_EMAIL), mails -> !mails.isEmpty()).get(0));
        Matcher link = SET_PASSWORD_LINK.matcher(body);
        assertThat(link.find()).as("a set-password link in the mail").isTrue();
        return link.group(1);
    }

    private void open(String path) {
        browser.open("http://localhost:" + port + path);
    }

    private void signIn(String username, String password) {
        browser.driver().manage().deleteAllCookies();
        open("/login");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.andWaitForNextPage(() -> browser.find("#password").sendKeys(Keys.ENTER));
    }

    private static void submit(String formSelector) {
        browser.andWaitForNextPage(() -> browser.find(formSelector + " button[type=submit]").click());
    }

    /** The number of requests the list's caption counts ("3,005 request(s); page 1 of 61"). */
    private static long total(Page list) {
        Matcher number = Pattern.compile("^([\\d,]+) request\\(s\\)").matcher(list.text("caption"));
        assertThat(number.find()).as("a count in " + list.text("caption")).isTrue();
        return Long.parseLong(number.group(1).replace(",", ""));
    }

    private static List<String> references(Page page) {
        return page.document().select("tbody tr td a[href^=/staff/requests/]").stream().map(Element::text).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
