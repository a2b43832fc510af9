package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.rightsflow.access.PackageDelivery;
import org.rightsflow.access.PackageStatus;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.MovesCamundaClock;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The answer to an access request as the customer receives it: a zip downloaded from the status page after an
 * emailed one-time code, compared with the demo shop's database row by row; and the ways the download can be
 * attacked (wrong, expired, reused codes, used links, another request's page), each refused with a clear page.
 */
@MovesCamundaClock
@RightsflowIntegrationTest
class AccessPackageJourneyIntegrationTest {

    /** Generated demo customers no other test uses: the tests share one mail server and find mail by address. */
    static final int CONTENTS_CUSTOMER = 7;
    static final int ATTACKED_CUSTOMER = 9;

    static final List<String> TABLES = List.of("customers", "addresses", "orders", "order_lines",
            "newsletter_subscriptions", "support_tickets");

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    SystemActions actions;

    @Autowired
    Timeline timeline;

    @Autowired
    PackageDelivery delivery;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePackageHoldsEveryRowOfTheCustomerAcrossTheSystemsNothingOfAnyoneElseAndTheArt15Information()
            throws Exception {
        ShopDatabase shop = ShopDatabase.of(systems);
        String email = shop.emailOf(CONTENTS_CUSTOMER);
        Journey journey = new Journey(port, "package").withEmail(email);
        journey.submit("ACCESS", "GDPR", "Everything please.");
        journey.confirmFromEmail();

        // The support desk's owner attaches the ticket export found by hand, then completes the task.
        WebSession owner = new WebSession(port).login("owner", "owner");
        String task = await().atMost(Journey.PATIENCE).until(() -> owner.inboxTaskLink(journey.reference(),
                "Support desk"), found -> found != null);
        byte[] export = "ticket,subject\r\n1,\"Parcel, late\"\r\n".getBytes(StandardCharsets.UTF_8);
        Page page = owner.postFile(task + "/upload", owner.get(task), "file", "tickets.csv", "text/csv", export);
        assertThat(owner.post(task + "/complete", page, Map.of("outcome", "DONE", "comment", "Exported the tickets."))
                .mainText()).contains("Done:");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "The agency holds the subscription only.");

        String answer = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(answer).contains("Your copy of your data is ready", "ask for a download code");
        Page status = journey.statusPage();
        assertThat(status.text("#your-data")).contains("Your copy of your data is ready");

        Map<String, byte[]> zip = unzip(journey.downloadPackage());

        List<String> expectedCsv = new ArrayList<>();
        for (String table : TABLES) {
            if (!shop.rowsOf(table, CONTENTS_CUSTOMER).isEmpty()) {
                expectedCsv.add("data/shop-db/" + table + ".csv");
            }
        }
        assertThat(zip.keySet()).startsWith("summary.html", "data/shop-db.json")
                .containsAll(expectedCsv).contains("files/support-desk/tickets.csv")
                .hasSize(2 + expectedCsv.size() + 1);
        assertThat(zip.get("files/support-desk/tickets.csv")).isEqualTo(export);

        // Every row of the customer, table by table, in the JSON document and in the CSV files.
        JsonNode document = json.readTree(zip.get("data/shop-db.json"));
        assertThat(document.path("system").path("key").asText()).isEqualTo("shop-db");
        assertThat(document.path("request").asText()).isEqualTo(journey.reference());
        for (String table : TABLES) {
            List<Map<String, String>> expected = shop.rowsOf(table, CONTENTS_CUSTOMER);
            JsonNode rows = document.path("tables").path(table);
            assertThat(rows.size()).as("rows of %s in the JSON", table).isEqualTo(expected.size());
            if (expected.isEmpty()) {
                continue;
            }
            List<String> columns = List.copyOf(expected.get(0).keySet());
            List<List<String>> csv = csv(zip.get("data/shop-db/" + table + ".csv"));
            assertThat(csv.get(0)).as("CSV header of %s", table).isEqualTo(columns);
            assertThat(csv).as("CSV lines of %s", table).hasSize(expected.size() + 1);
            String column = ShopDatabase.TEXT_COLUMN.get(table);
            List<String> inDatabase = expected.stream().map(row -> row.get(column)).sorted().toList();
            int index = columns.indexOf(column);
            assertThat(csv.subList(1, csv.size()).stream().map(line -> line.get(index)).sorted().toList())
                    .as("%s.%s in the CSV", table, column).isEqualTo(inDatabase);
            List<String> inJson = new ArrayList<>();
            rows.forEach(row -> inJson.add(row.path(column).asText()));
            assertThat(inJson.stream().sorted().toList()).as("%s.%s in the JSON", table, column).isEqualTo(inDatabase);
        }
        assertThat(document.path("tables").path("customers").get(0).path("email").asText()).isEqualTo(email);

        // Nothing of anyone else: the only email address anywhere in the package is the customer's own.
        Set<String> addresses = new TreeSet<>();
        Matcher found = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}").matcher(String.join("\n",
                zip.values().stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList()));
        while (found.find()) {
            addresses.add(found.group());
        }
        assertThat(addresses).containsExactly(email);

        // The GDPR Art. 15 information from the registry, in plain words.
        String summary = new String(zip.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(summary).text())
                .contains("Your personal data", journey.reference(), "Shop customer database", "Support desk",
                        "Mailing agency", "contact details, date of birth", "selling and delivering orders",
                        "Parcel carrier, who delivers orders (in Germany)", "Mailing agency, who sends the newsletter",
                        "Account data until the account is closed; invoices and their lines 10 years (tax law).",
                        "The customer, when ordering and when writing to customer service.",
                        "We make no decision about you based only on automated processing",
                        "correct", "delete", "restrict", "object",
                        "the data protection supervisory authority of the EU or EEA country",
                        "data/shop-db/customers.csv", "files/support-desk/tickets.csv",
                        // The data itself, under the demo's labels: the customer's own email address in their account.
                        "contact details your customer account (1)", "your email address", email);
        assertThat(org.jsoup.Jsoup.parse(summary).select("a[href=data/shop-db/customers.csv]")).hasSize(1);
        assertThat(org.jsoup.Jsoup.parse(summary).select("th").eachText()).doesNotContain("customer_number", "email",
                "first_name");

        List<TimelineKind> kinds = timeline.entries(journey.reference()).stream().map(TimelineEntryView::kind).toList();
        assertThat(kinds).containsSubsequence(TimelineKind.PACKAGE_READY, TimelineKind.RESPONDED,
                TimelineKind.DOWNLOAD_CODE_SENT, TimelineKind.PACKAGE_DOWNLOADED);
        assertThat(kinds.stream().filter(TimelineKind.PACKAGE_DOWNLOADED::equals)).hasSize(1);
        assertThat(journey.statusPage().mainText()).contains("Your data was downloaded.");
    }

    @Test
    void wrongExpiredAndReusedCodesUsedLinksAndAnotherRequestsPageAreRefusedWithAClearPageAndLeakNothing()
            throws Exception {
        ShopDatabase shop = ShopDatabase.of(systems);
        String email = shop.emailOf(ATTACKED_CUSTOMER);
        Journey journey = new Journey(port, "attacked").withEmail(email);
        journey.submit("ACCESS", "UK_GDPR", "");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 1, "DONE", "Nothing in the help desk.");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Done.");
        journey.awaitMail("Our answer to your request " + journey.reference());

        // Another person's request: a different status page, with no package of its own.
        Journey other = new Journey(port, "bystander");
        other.submit("OPT_OUT", "CCPA", "");

        Page noCodeYet = journey.enterDownloadCode("123456");
        assertThat(noCodeYet.status()).isEqualTo(400);
        assertThat(noCodeYet.text(".error-summary")).contains("Ask for a download code first");

        String code = journey.requestDownloadCode();
        String wrongCode = code.equals("000000") ? "000001" : "000000";
        Page wrong = journey.enterDownloadCode(wrongCode);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text(".error-summary")).contains("That code is not right. You can try 4 more times");
        Page hostile = journey.enterDownloadCode("<script>alert(1)</script>");
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.body()).doesNotContain("<script>alert(1)</script>");

        // The code of this request, entered on the other request's page: that request has nothing to download.
        WebSession otherSession = other.subjectSession();
        assertThat(other.statusPage().document().select("#your-data")).as("nothing to download there").isEmpty();
        // Its page offers no form; the session's token comes from any page with one, as a forged form would.
        Page crossed = otherSession.post(other.statusPath() + "/package/download", otherSession.get("/"),
                Map.of("code", code));
        assertThat(crossed.status()).isEqualTo(410);
        assertThat(crossed.text(".error-summary")).contains("Your data is not available to download.");
        assertNothingLeaks(crossed, journey, email);

        Page right = journey.enterDownloadCode(code);
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.mainText()).contains("Your download is ready", "it works once");
        String link = right.document().selectFirst("#download-link").attr("href");

        // The link under the other request's page is refused, and does not use the link up.
        String ticket = link.substring(link.lastIndexOf('/') + 1);
        WebSession.Download underOther = otherSession.download(other.statusPath() + "/package/" + ticket);
        assertThat(underOther.status()).isEqualTo(410);
        assertThat(underOther.text()).contains("This download link no longer works").doesNotContain(email);
        // A page, not the archive: no zip signature at the start (the letters "PK" may well occur in a link token).
        assertThat(underOther.contentType()).startsWith("text/html");
        assertThat(underOther.contentDisposition()).doesNotContain("attachment");
        assertThat(Arrays.copyOf(underOther.body(), 4)).isNotEqualTo(new byte[] {'P', 'K', 3, 4});

        WebSession.Download first = journey.subjectSession().download(link);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentDisposition()).contains("attachment", journey.reference() + "-your-data.zip");
        assertThat(first.cacheControl()).contains("no-store");
        assertThat(unzip(first.body())).containsKey("summary.html");
        WebSession.Download again = journey.subjectSession().download(link);
        assertThat(again.status()).as("a link works once").isEqualTo(410);
        assertThat(again.text()).contains("This download link no longer works", "ask for a new download code");

        Page reused = journey.enterDownloadCode(code);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.text(".error-summary")).contains("That code was already used");

        // A code entered after its 15 minutes.
        String late = journey.requestDownloadCode();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
        Page expired = journey.enterDownloadCode(late);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.text(".error-summary")).contains("That code has expired");
        ClockUtil.reset();

        // Five wrong attempts block a code, even the right one afterwards.
        String blocked = journey.requestDownloadCode();
        String notIt = blocked.equals("111111") ? "222222" : "111111";
        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(journey.enterDownloadCode(notIt).status()).isEqualTo(400);
        }
        assertThat(journey.enterDownloadCode(notIt).status()).isEqualTo(429);
        Page tooMany = journey.enterDownloadCode(blocked);
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.text(".error-summary")).contains("entered wrongly too many times");

        // At most five codes a day: the page cannot be used to flood the customer's mailbox.
        journey.requestDownloadCode();
        journey.requestDownloadCode();
        Page flood = journey.subjectSession().post(journey.statusPath() + "/package/code", journey.statusPage(),
                Map.of());
        assertThat(flood.text(".error-summary")).as(flood.mainText()).contains("We have sent several codes today");
        assertThat(journey.downloadCodes()).hasSize(5);

        List<TimelineEntryView> refusals = timeline.entries(journey.reference()).stream()
                .filter(e -> e.kind() == TimelineKind.DOWNLOAD_REFUSED).toList();
        assertThat(refusals).extracting(TimelineEntryView::description).contains(
                "A download code was entered before any was sent.", "Wrong download code entered (4 attempt(s) left).",
                "A download code that was already used was entered again.", "An expired download code was entered.",
                "Download code blocked after too many wrong attempts.");
        assertThat(timeline.entries(other.reference())).filteredOn(e -> e.kind() == TimelineKind.DOWNLOAD_REFUSED)
                .as("the other request's page refused both the code and the link").hasSize(2);
        assertThat(timeline.entries(journey.reference())).filteredOn(e -> e.kind() == TimelineKind.PACKAGE_DOWNLOADED)
                .hasSize(1);
    }

    @Test
    void atExpiryTheLinkStopsAndThePackageAndTheDataGatheredForItAreDeletedAndTheTimelineSaysSo()
            throws SQLException {
        ShopDatabase shop = ShopDatabase.of(systems);
        Journey journey = new Journey(port, "expiry").withEmail(shop.emailOf(10));
        journey.submit("ACCESS", "GDPR", "");
        journey.confirmFromEmail();
        WebSession owner = new WebSession(port).login("owner", "owner");
        String task = await().atMost(Journey.PATIENCE).until(() -> owner.inboxTaskLink(journey.reference(),
                "Support desk"), found -> found != null);
        Page page = owner.postFile(task + "/upload", owner.get(task), "file", "chat.txt", "text/plain",
                "Chat transcript".getBytes(StandardCharsets.UTF_8));
        owner.post(task + "/complete", page, Map.of("outcome", "DONE", "comment", ""));
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Done.");
        journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(actions.accessFilesOf(journey.reference())).hasSize(2);
        String code = journey.requestDownloadCode();
        Instant expiresAt = delivery.find(journey.reference()).orElseThrow().expiresAt();
        Instant ready = timeline.entries(journey.reference()).stream()
                .filter(e -> e.kind() == TimelineKind.PACKAGE_READY).findFirst().orElseThrow().occurredAt();
        assertThat(expiresAt).as("seven days after release").isBetween(ready.minusSeconds(5).plus(Duration.ofDays(7)),
                ready.plus(Duration.ofDays(7)));

        ClockUtil.setCurrentTime(Date.from(expiresAt.plusSeconds(60)));
        Page status = journey.statusPage();
        assertThat(status.text("#your-data")).contains("The download period ended on");
        assertThat(status.document().select("#code")).isEmpty();
        Page late = journey.enterDownloadCode(code);
        assertThat(late.status()).isEqualTo(410);

        await().atMost(Journey.PATIENCE).until(() -> delivery.find(journey.reference()).orElseThrow().status()
                == PackageStatus.DELETED);
        assertThat(actions.accessFilesOf(journey.reference())).as("the data gathered for it is gone too").isEmpty();
        assertThat(timeline.entries(journey.reference())).filteredOn(e -> e.kind() == TimelineKind.PACKAGE_DELETED)
                .singleElement().satisfies(e -> assertThat(e.description())
                        .contains("the package and the 2 file(s) of data gathered for it were deleted"));
        assertThat(journey.statusPage().mainText())
                .contains("The download period ended and we deleted your copy from our servers.");
    }

    @Test
    void underCcpaThePackageLooksBackTwelveMonthsWhereTheShopRecordsWhenItCollectedTheData() throws Exception {
        ShopDatabase shop = ShopDatabase.of(systems);
        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusMonths(12);
        int customer = shop.customerWithOrdersBeforeAndAfter(cutoff, 30, 200);
        Journey journey = new Journey(port, "lookback").withEmail(shop.emailOf(customer));
        journey.submit("ACCESS", "CCPA", "");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 1, "DONE", "");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Done.");
        journey.awaitMail("Our answer to your request " + journey.reference());

        Map<String, byte[]> zip = unzip(journey.downloadPackage());
        JsonNode orders = json.readTree(zip.get("data/shop-db.json")).path("tables").path("orders");
        List<String> recent = shop.rowsOf("orders", customer).stream()
                .filter(row -> !LocalDate.parse(row.get("ordered_at").substring(0, 10)).isBefore(cutoff))
                .map(row -> row.get("order_number")).sorted().toList();
        List<String> delivered = new ArrayList<>();
        orders.forEach(order -> delivered.add(order.path("order_number").asText()));
        assertThat(delivered.stream().sorted().toList()).isEqualTo(recent).isNotEmpty();
        assertThat(delivered).hasSizeLessThan(shop.rowsOf("orders", customer).size());
        assertThat(org.jsoup.Jsoup.parse(new String(zip.get("summary.html"), StandardCharsets.UTF_8)).text())
                .contains("it covers the data we collected since");
    }

    private static void assertNothingLeaks(Page page, Journey journey, String email) {
        assertThat(page.body()).doesNotContain(email).doesNotContain(journey.reference());
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
    static List<List<String>> csv(byte[] file) throws IOException {
        try (CSVParser parser = CSVParser.parse(new String(file, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            return parser.stream().map(CSVRecord::toList).toList();
        }
    }
}
