package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A correction from the form to the shop database: the customer names what is wrong, a privacy officer checks the
 * claim and accepts part of it, the sql connector writes the accepted fields, the support desk's owner makes them by
 * hand, the mailing agency is told (GDPR Art. 19), and the answer says what changed where and what was refused.
 */
@RightsflowIntegrationTest
class CorrectionJourneyIntegrationTest {

    /**
     * A generated customer of the demo shop no other test uses: the tests share one mail server, and a journey
     * finds its emails by address.
     */
    static final int CUSTOMER_ID = 6;

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    Timeline timeline;

    @Test
    void aCorrectionIsReviewedThenCarriedIntoTheShopDatabaseTheSupportDeskAndTheAgency() throws SQLException {
        Map<String, String> before = customer();
        Journey journey = new Journey(port, "correction").withEmail(before.get("email"));
        Page landing = journey.subjectSession().get("/");
        assertThat(landing.document().select("select[name=corrections[0].field] option").eachText())
                .as("the form offers the fields the connected systems declare, by their labels")
                .contains("Your last name", "Your phone number", "Postcode", "Your first name");

        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("corrections[0].field", "last_name");
        lines.put("corrections[0].value", "Goble Johnson");
        lines.put("corrections[1].field", "phone");
        lines.put("corrections[1].value", "+1 757 555 0143");
        lines.put("corrections[2].field", "first_name");
        lines.put("corrections[2].value", "Kathy");
        journey.submit("CORRECTION", "CCPA", "I married again; my phone number changed too.", lines);
        journey.confirmFromEmail();

        // Nothing changes before a privacy officer has checked the claim.
        WebSession officer = new WebSession(port).login("dpo", "dpo");
        String review = await().atMost(Journey.PATIENCE).until(() -> officer.inboxTaskLink(journey.reference(),
                "Review the correction claim"), found -> found != null);
        assertThat(customer()).isEqualTo(before);
        WebSession owner = new WebSession(port).login("owner", "owner");
        assertThat(owner.inboxTaskLink(journey.reference(), "")).as("no system task before the review").isNull();

        Page reviewPage = officer.get(review);
        assertThat(reviewPage.mainText()).contains("Last name: “Goble Johnson”", "Phone: “+1 757 555 0143”",
                "First name: “Kathy”", "I married again; my phone number changed too.");

        Map<String, String> incomplete = new LinkedHashMap<>(verdicts());
        incomplete.remove("verdicts[2].accept");
        incomplete.put("verdicts[2].reason", "");
        Page refused = officer.post(review + "/review-correction", reviewPage, incomplete);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text(".error-summary")).contains("Accept or refuse every field; first_name has no decision.");
        assertThat(refused.document().select("#accept-0").hasAttr("checked")).as("what was chosen is kept").isTrue();
        assertThat(refused.document().select("#howChecked").text()).isEqualTo(verdicts().get("howChecked"));

        Map<String, String> noReason = new LinkedHashMap<>(verdicts());
        noReason.put("verdicts[2].reason", " ");
        assertThat(officer.post(review + "/review-correction", reviewPage, noReason).text(".error-summary"))
                .contains("Say why the correction of first_name is refused");

        Page done = officer.post(review + "/review-correction", reviewPage, verdicts());
        assertThat(done.mainText()).contains("Review recorded for " + journey.reference() + ": 2 of 3 field(s) accepted");

        // The shop database is corrected by its connector: only the accepted fields.
        await().atMost(Journey.PATIENCE).until(() -> "Goble Johnson".equals(customer().get("last_name")));
        assertThat(customer()).containsEntry("phone", "+1 757 555 0143")
                .containsEntry("first_name", before.get("first_name"));

        // The support desk's owner is shown what to change there, and records it.
        String deskTask = await().atMost(Journey.PATIENCE).until(() -> owner.inboxTaskLink(journey.reference(),
                "Support desk"), found -> found != null);
        Page desk = owner.get(deskTask);
        assertThat(desk.document().select("h2:contains(Corrections to make in this system) + p + ul li").eachText())
                .containsExactly("Last name (last_name): Goble Johnson", "Phone (phone): +1 757 555 0143");
        assertThat(owner.post(deskTask + "/complete", desk, Map.of("outcome", "DONE",
                "comment", "Requester profile updated.")).mainText()).contains("Done:");

        // The agency processes the newsletter for the shop: it is told the accepted field it holds (not the phone).
        String agencyMail = journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Subscriber updated.");
        assertThat(agencyMail).contains("Last name (last_name): Goble Johnson").doesNotContain("757");

        String answer = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(answer)
                .contains("Your last name: corrected in each of our systems that holds it")
                .contains("Your phone number: corrected in each of our systems that holds it")
                .contains("Your first name: not corrected. Why: Kathy is a nickname; we keep the name on "
                        + "the identity document.")
                .as("what the requester typed is not repeated to the address").doesNotContain("Goble", "757")
                .contains("Shop customer database: done", "- your customer account (1): changed as you asked")
                .contains("Support desk: done. Requester profile updated.")
                .contains("We passed the corrections on to those who process your data for us: Mailing agency.");

        List<TimelineEntryView> entries = timeline.entries(journey.reference());
        assertThat(entries).filteredOn(e -> e.kind() == TimelineKind.CORRECTION_REVIEWED).singleElement()
                .satisfies(e -> assertThat(e.description()).isEqualTo("Correction claim reviewed. Accepted: "
                        + "last_name, phone. Refused: first_name (Kathy is a nickname; we keep the name on the "
                        + "identity document.)."));
        assertThat(entries).filteredOn(e -> e.kind() == TimelineKind.CORRECTION_CHECKED).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("dpo"));
        assertThat(entries).filteredOn(e -> e.kind() == TimelineKind.SUBMITTED).singleElement()
                .satisfies(e -> assertThat(e.description()).contains("Asks to correct: last_name, phone, first_name.")
                        .doesNotContain("Goble"));
        assertThat(journey.statusPage().mainText())
                .contains("We checked the corrections you asked for; our answer says which we made and why.")
                .doesNotContain("Marriage certificate");
    }

    @Test
    void aClaimRefusedInFullChangesNothingAndTheAnswerSaysWhy() throws SQLException {
        Journey journey = new Journey(port, "refused-correction");
        journey.submit("CORRECTION", "GDPR", "", Map.of("corrections[0].field", "postcode",
                "corrections[0].value", "00000"));
        journey.confirmFromEmail();
        WebSession officer = new WebSession(port).login("dpo", "dpo");
        String review = await().atMost(Journey.PATIENCE).until(() -> officer.inboxTaskLink(journey.reference(),
                "Review the correction claim"), found -> found != null);
        Page page = officer.get(review);
        officer.post(review + "/review-correction", page, Map.of("verdicts[0].field", "postcode",
                "verdicts[0].accept", "false", "verdicts[0].reason", "We hold no address for this email address.",
                "howChecked", "Searched the shop by email; no customer."));

        String answer = journey.awaitMail("Our answer to your request " + journey.reference());
        assertThat(answer).contains("Postcode: not corrected. Why: We hold no address for this email address.");
        assertThat(answer.replace(journey.reference(), "")).as("the typed value is not repeated")
                .doesNotContain("00000");
        assertThat(timeline.entries(journey.reference())).filteredOn(e -> e.kind() == TimelineKind.FULFILMENT_STARTED)
                .extracting(TimelineEntryView::description)
                .containsExactly("No correction was accepted for any of our systems, so nothing is changed.");
        WebSession owner = new WebSession(port).login("owner", "owner");
        assertThat(owner.inboxTaskLink(journey.reference(), "")).isNull();
    }

    private static Map<String, String> verdicts() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("verdicts[0].field", "last_name");
        form.put("verdicts[0].accept", "true");
        form.put("verdicts[1].field", "phone");
        form.put("verdicts[1].accept", "true");
        form.put("verdicts[2].field", "first_name");
        form.put("verdicts[2].accept", "false");
        form.put("verdicts[2].reason", "Kathy is a nickname; we keep the name on the identity document.");
        form.put("howChecked", "Marriage certificate sent by post; the phone number matches the last two orders.");
        return form;
    }

    private Map<String, String> customer() throws SQLException {
        // The demo shop's URL is random per application; the imported definition holds the one in use.
        String shopUrl = systems.definition(systems.find("shop-db").orElseThrow().id()).connection().at("url").value().toString();
        try (Connection shop = DriverManager.getConnection(shopUrl, "sa", "");
             PreparedStatement query = shop.prepareStatement(
                     "select first_name, last_name, phone, email from customers where id = ?")) {
            query.setInt(1, CUSTOMER_ID);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                Map<String, String> values = new LinkedHashMap<>();
                values.put("first_name", row.getString(1));
                values.put("last_name", row.getString(2));
                values.put("phone", row.getString(3));
                values.put("email", row.getString(4));
                return values;
            }
        }
    }

}
