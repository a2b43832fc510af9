package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rightsflow.journey.AccessPackageJourneyIntegrationTest.unzip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Where the company reviews packages before release (here GDPR access requests), a privacy officer looks at what
 * the systems returned and leaves out, with a reason the person reads, what must not be disclosed: the package then
 * lacks exactly that, and says so.
 */
@RightsflowIntegrationTest
@TestPropertySource(properties = "rightsflow.access-package.review-before-release=GDPR:ACCESS")
class AccessPackageReviewIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    Timeline timeline;

    @Test
    void anOfficerLeavesOutAColumnAndAFileWithReasonsAndThePackageLacksThemAndSaysWhy() throws Exception {
        ShopDatabase shop = ShopDatabase.of(systems);
        int customer = 11;
        while (shop.rowsOf("support_tickets", customer).isEmpty()) {
            customer++;
        }
        Journey journey = new Journey(port, "reviewed").withEmail(shop.emailOf(customer));
        journey.submit("ACCESS", "GDPR", "");
        journey.confirmFromEmail();
        WebSession owner = new WebSession(port).login("owner", "owner");
        String deskTask = await().atMost(Journey.PATIENCE).until(() -> owner.inboxTaskLink(journey.reference(),
                "Support desk"), found -> found != null);
        Page desk = owner.postFile(deskTask + "/upload", owner.get(deskTask), "file", "notes.txt", "text/plain",
                "Internal note about another customer".getBytes(StandardCharsets.UTF_8));
        owner.post(deskTask + "/complete", desk, Map.of("outcome", "DONE", "comment", ""));
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Done.");

        WebSession officer = new WebSession(port).login("dpo", "dpo");
        String review = await().atMost(Journey.PATIENCE).until(() -> officer.inboxTaskLink(journey.reference(),
                "Review the access package"), found -> found != null);
        assertThat(owner.inboxTaskLink(journey.reference(), "Review the access package"))
                .as("a system owner does not review packages").isNull();
        assertThat(journey.mailSubjects()).as("no answer before the release")
                .noneMatch(subject -> subject.contains("Our answer"));

        Page page = officer.get(review);
        assertThat(page.mainText()).contains("What goes into the package", "Shop customer database", "support_tickets",
                "Attached file notes.txt");
        String preview = page.document().select("a[href*=/preview]").stream().map(Element.class::cast)
                .map(a -> a.attr("href")).filter(href -> href.contains("table=support_tickets")).findFirst().orElseThrow();
        Page rows = officer.get(preview);
        String subject = shop.rowsOf("support_tickets", customer).get(0).get("subject");
        assertThat(rows.mainText()).contains("Table support_tickets", subject);

        long shopId = systems.find("shop-db").orElseThrow().id();
        long deskId = systems.find("support-desk").orElseThrow().id();
        Page noReason = officer.post(review + "/exclude", page, Map.of("target", shopId + "|support_tickets|body|",
                "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text(".error-summary")).contains("Give the reason for leaving it out");
        Page forged = officer.post(review + "/exclude", page, Map.of("target", "999999|||", "reason", "x"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.text(".error-summary")).contains("This system has no part in the package.");
        Page unknownColumn = officer.post(review + "/exclude", page, Map.of("target",
                shopId + "|support_tickets|password|", "reason", "x"));
        assertThat(unknownColumn.text(".error-summary")).contains("No column password in support_tickets.");

        String fileTarget = page.document().select("#target option").stream()
                .filter(option -> option.text().startsWith("File notes.txt")).findFirst().orElseThrow().attr("value");
        assertThat(officer.post(review + "/exclude", page, Map.of("target", shopId + "|support_tickets|body|",
                "reason", "The messages quote other customers.")).mainText()).contains("Left out, with your reason");
        Page again = officer.post(review + "/exclude", page, Map.of("target", shopId + "|support_tickets|body|",
                "reason", "twice"));
        assertThat(again.text(".error-summary")).contains("is already left out");
        Page excluded = officer.post(review + "/exclude", page, Map.of("target", fileTarget,
                "reason", "An internal note, privileged."));
        assertThat(excluded.text("#exclusions + table")).contains("Column support_tickets.body (Shop customer database)",
                "The messages quote other customers.", "Support desk", "An internal note, privileged.");
        assertThat(fileTarget).startsWith(deskId + "|||");

        Page released = officer.post(review + "/release-package", excluded, Map.of());
        assertThat(released.mainText()).contains("Package of " + journey.reference() + " released");

        journey.awaitMail("Our answer to your request " + journey.reference());
        Map<String, byte[]> zip = unzip(journey.downloadPackage());
        assertThat(zip).doesNotContainKey("files/support-desk/notes.txt");
        String csv = new String(zip.get("data/shop-db/support_tickets.csv"), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("subject,opened_at,status");
        assertThat(csv).contains(subject);
        JsonNode tickets = new ObjectMapper().readTree(zip.get("data/shop-db.json")).path("tables").path("support_tickets");
        assertThat(tickets.size()).isEqualTo(shop.rowsOf("support_tickets", customer).size());
        tickets.forEach(ticket -> assertThat(ticket.has("body")).isFalse());
        assertThat(org.jsoup.Jsoup.parse(new String(zip.get("summary.html"), StandardCharsets.UTF_8)).text())
                .contains("What we left out, and why",
                        "The message field of your messages to customer service in Shop customer database: The "
                                + "messages quote other customers.",
                        "The file notes.txt from Support desk: An internal note, privileged.");

        List<TimelineEntryView> entries = timeline.entries(journey.reference());
        assertThat(entries).filteredOn(e -> e.kind() == TimelineKind.PACKAGE_ITEM_EXCLUDED)
                .extracting(TimelineEntryView::actor).containsExactly("dpo", "dpo");
        assertThat(entries).filteredOn(e -> e.kind() == TimelineKind.PACKAGE_READY).singleElement()
                .satisfies(e -> assertThat(e.description()).contains("reviewed by dpo"));
    }
}
