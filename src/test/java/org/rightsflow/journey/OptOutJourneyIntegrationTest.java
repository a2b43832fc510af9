package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.Choice;
import org.rightsflow.optout.ConsentLedger;
import org.rightsflow.optout.ConsentRecordView;
import org.rightsflow.optout.OptOutBatches;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Opting out as a customer does it: the "Do Not Sell or Share" and "Limit the Use" pages with no account and no
 * proof, a browser's Global Privacy Control signal on real HTTP requests, the preference center behind an emailed
 * link, and the batch that carries the opt-outs into the demo shop's database and to the mailing agency's owners.
 */
@RightsflowIntegrationTest
class OptOutJourneyIntegrationTest {

    /** Demo shop customers no other test uses (the tests share one mail server and find their emails by address). */
    static final int FORM_CUSTOMER = 23;
    static final int GPC_CUSTOMER = 24;
    static final int GPC_PREFERENCES_CUSTOMER = 25;
    static final int PREFERENCES_CUSTOMER = 26;

    private static final Pattern PREFERENCE_LINK = Pattern.compile("https?://[^\\s]+(/preferences/[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    OptOutBatches batches;

    @Test
    void anOptOutNeedsNoProofAndReachesTheShopDatabaseAndTheAgencysOwnersInABatch() throws SQLException {
        ShopDatabase shop = ShopDatabase.of(systems);
        String email = shop.emailOf(FORM_CUSTOMER);
        shop.update("update customers set sell_share_opt_out = false, marketing_consent = true, "
                + "limit_sensitive_use = false where id = ?", FORM_CUSTOMER);
        WebSession customer = new WebSession(port);
        int compliedBefore = compliedOptOuts(new WebSession(port).login("dpo", "dpo"));

        Page landing = customer.get("/");
        assertThat(landing.document().select("footer a").eachText())
                .contains("Do Not Sell or Share My Personal Information",
                        "Limit the Use of My Sensitive Personal Information");
        Page form = customer.get("/do-not-sell-or-share");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text("h1")).isEqualTo("Do Not Sell or Share My Personal Information");
        assertThat(form.document().select("#gpc-detected")).as("no GPC signal was sent").isEmpty();

        Page invalid = customer.post("/do-not-sell-or-share", form, Map.of("email", "not an address", "regime", ""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.mainText()).contains("Enter an email address like name@example.com");

        Page done = customer.post("/do-not-sell-or-share", form, Map.of("email", email, "regime", "CCPA"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text("#opt-out-recorded")).contains("We will not sell or share personal information about "
                + email, "Every one of our systems will apply it by");
        assertThat(ledger.stateOf(email).get(Purpose.SALE_SHARING).choice()).isEqualTo(Choice.OPT_OUT);
        assertThat(ledger.stateOf(email).get(Purpose.SALE_SHARING).source()).isEqualTo(SignalSource.FORM);
        String confirmation = await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(email).stream()
                .filter(m -> TestMailServer.subject(m).contains("We will not sell or share"))
                .map(TestMailServer::body).findFirst().orElse(null), body -> body != null);
        assertThat(confirmation).contains("You did not need an account or any proof", "/preferences/");
        assertThat(TestMailServer.messagesTo(email)).as("no verification is asked for")
                .noneMatch(m -> TestMailServer.subject(m).toLowerCase().contains("confirm"));
        assertThat(shop.flagsOf(FORM_CUSTOMER)).as("nothing changes in the systems before the batch")
                .containsEntry("sell_share_opt_out", false);

        Page limitForm = customer.get("/limit-sensitive-use");
        Page limited = customer.post("/limit-sensitive-use", limitForm, Map.of("email", email, "regime", "CCPA"));
        assertThat(limited.text("#opt-out-recorded")).contains("only for what our service needs");

        List<BatchView> cut = batches.cutWaiting();
        BatchView batch = cut.stream().filter(b -> b.purpose() == Purpose.SALE_SHARING).findFirst().orElseThrow();
        BatchView limits = cut.stream().filter(b -> b.purpose() == Purpose.SENSITIVE_USE).findFirst().orElseThrow();
        await().atMost(Journey.PATIENCE).until(() -> shop.flagsOf(FORM_CUSTOMER).get("sell_share_opt_out"));
        assertThat(shop.flagsOf(FORM_CUSTOMER)).containsEntry("marketing_consent", false);
        // Only the shop takes part in limits, through its connector: that batch completes on its own.
        await().atMost(Journey.PATIENCE).until(() -> batches.get(limits.id()).completedAt() != null);
        assertThat(shop.flagsOf(FORM_CUSTOMER)).containsEntry("limit_sensitive_use", true);

        // The mailing agency takes no batches through a connector: its owners get one task with the list.
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        String task = await().atMost(Journey.PATIENCE).until(() -> dpo.inboxTaskLink(batch.reference(),
                "Mailing agency"), found -> found != null);
        Page taskPage = dpo.get(task);
        assertThat(taskPage.mainText()).contains("opt-outs of sale and sharing in Mailing agency",
                "Download the email addresses (CSV)");
        WebSession.Download list = dpo.download("/staff/opt-outs/" + batch.reference() + "/people.csv");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text().lines().toList()).startsWith("email").contains(email);
        WebSession owner = new WebSession(port).login("owner", "owner");
        assertThat(owner.download("/staff/opt-outs/" + batch.reference() + "/people.csv").status())
                .as("the agency's owners read the list while their task is open").isEqualTo(200);
        assertThat(owner.download("/staff/opt-outs/OPT-2026-999999/people.csv").status()).isEqualTo(404);
        Page completed = dpo.post(task + "/complete", taskPage, Map.of("outcome", "DONE",
                "comment", "Uploaded to the agency's suppression list."));
        assertThat(completed.uri()).endsWith("/staff");

        await().atMost(Journey.PATIENCE).until(() -> batches.get(batch.id()).completedAt() != null);
        ConsentRecordView record = ledger.historyOf(email).stream()
                .filter(r -> r.purpose() == Purpose.SALE_SHARING).reduce((first, second) -> second).orElseThrow();
        assertThat(record.batchReference()).isEqualTo(batch.reference());
        assertThat(record.carriedOutAt()).as("the opt-out's completion date is recorded").isNotNull();
        assertThat(batches.subjectsOf(batch.id())).as("the emails kept for the systems are erased").isEmpty();
        assertThat(owner.download("/staff/opt-outs/" + batch.reference() + "/people.csv").status())
                .as("no open task, no list").isEqualTo(404);
        Page batchPage = dpo.get("/staff/opt-outs/" + batch.reference());
        assertThat(batchPage.mainText()).contains("Carried out in every system", "Shop customer database",
                "Mailing agency: done — Uploaded to the agency's suppression list.", "The list of",
                "The hash chain of this timeline is intact");

        // The opt-out counts in the request metrics, complied with, with its days to respond.
        // The database is shared with other tests, whose opt-outs may complete in the same batch: at least this one
        // more than before.
        assertThat(compliedOptOuts(dpo)).as("complied with").isGreaterThan(compliedBefore);
        assertThat(optOutMetrics(dpo).select("td").get(4).text()).as("median days").matches("\\d+\\.\\d");
        WebSession.Download csv = dpo.download("/staff/records.csv?law=CCPA");
        assertThat(csv.text()).startsWith("year,kind,received,complied_in_whole_or_part")
                .contains(",Requests to opt out of sale or sharing,");
        assertThat(owner.get("/staff/records").status()).as("metrics are for privacy officers").isEqualTo(403);
    }

    @Test
    void aGpcSignalIsHonouredForTheEmailGivenAndThePageSaysSo() throws SQLException {
        ShopDatabase shop = ShopDatabase.of(systems);
        String email = shop.emailOf(GPC_CUSTOMER);
        WebSession browser = new WebSession(port).sendingGpc();

        assertThat(browser.get("/").document().select("#gpc-detected")).as("the signal is noticed").hasSize(1);
        assertThat(new WebSession(port).get("/").document().select("#gpc-detected")).isEmpty();

        Page form = browser.get("/limit-sensitive-use");
        assertThat(form.text("#gpc-detected")).contains("Global Privacy Control");
        Page done = browser.post("/limit-sensitive-use", form, Map.of("email", email, "regime", ""));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text("#gpc-honoured")).contains("signal was honoured", email);
        assertThat(ledger.stateOf(email).get(Purpose.SENSITIVE_USE).source()).isEqualTo(SignalSource.FORM);
        assertThat(ledger.stateOf(email).get(Purpose.SALE_SHARING).choice()).isEqualTo(Choice.OPT_OUT);
        assertThat(ledger.stateOf(email).get(Purpose.SALE_SHARING).source()).isEqualTo(SignalSource.GPC);

        // Any portal form that names a person carries the signal: here, asking for the preference center link.
        String other = shop.emailOf(GPC_PREFERENCES_CUSTOMER);
        Page start = browser.get("/preferences");
        Page sent = browser.post("/preferences", start, Map.of("email", other));
        assertThat(sent.text("#gpc-honoured")).contains("signal was honoured");
        assertThat(ledger.stateOf(other).get(Purpose.SALE_SHARING).source()).isEqualTo(SignalSource.GPC);
    }

    @Test
    void thePreferenceCenterShowsAndChangesChoicesOnlyThroughTheEmailedLink() throws SQLException {
        String email = ShopDatabase.of(systems).emailOf(PREFERENCES_CUSTOMER);
        WebSession customer = new WebSession(port);
        assertThat(customer.get("/preferences/manage").status()).as("no link, no choices shown").isEqualTo(401);
        Page forged = customer.get("/preferences/" + "A".repeat(43));
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.text("h1")).isEqualTo("This preference link does not work");

        Page start = customer.get("/preferences");
        Page sent = customer.post("/preferences", start, Map.of("email", email));
        assertThat(sent.text("h1")).isEqualTo("Check your email");
        String mail = await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(email).stream()
                .filter(m -> TestMailServer.subject(m).contains("Your privacy choices"))
                .map(TestMailServer::body).findFirst().orElse(null), body -> body != null);
        Matcher link = PREFERENCE_LINK.matcher(mail);
        assertThat(link.find()).isTrue();

        Page manage = customer.get(link.group(1));
        assertThat(URI.create(manage.uri()).getPath()).as("the token leaves the address bar")
                .isEqualTo("/preferences/manage");
        assertThat(manage.mainText()).contains(email, "You have not made any choice yet.");
        assertThat(manage.document().selectFirst("#choice-SALE_SHARING-OPT_IN").hasAttr("checked")).isTrue();

        Page saved = customer.post("/preferences/manage", manage, Map.of("choice-SALE_SHARING", "OPT_OUT",
                "choice-SENSITIVE_USE", "OPT_IN"));
        assertThat(saved.text("#choices-saved")).isEqualTo("Saved 1 change.");
        assertThat(saved.document().selectFirst("#choice-SALE_SHARING-OPT_OUT").hasAttr("checked")).isTrue();
        assertThat(saved.document().select("table tbody tr").eachText()).singleElement().asString()
                .contains("Opted out of sale and sharing", "Preference center", "On its way");
        assertThat(ledger.stateOf(email)).doesNotContainKey(Purpose.SENSITIVE_USE);

        Page back = customer.post("/preferences/manage", saved, Map.of("choice-SALE_SHARING", "OPT_IN",
                "choice-SENSITIVE_USE", "OPT_IN"));
        assertThat(back.text("#choices-saved")).isEqualTo("Saved 1 change.");
        assertThat(ledger.stateOf(email).get(Purpose.SALE_SHARING).choice()).isEqualTo(Choice.OPT_IN);
        Page hostile = customer.post("/preferences/manage", back, Map.of("choice-SALE_SHARING", "<script>"));
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.mainText()).contains("Choose one of the two options");

        // The same person, signed in from a browser with GPC on: the signal opts them out, and the page says so.
        WebSession gpcBrowser = new WebSession(port).sendingGpc();
        Page withSignal = gpcBrowser.get(link.group(1));
        assertThat(withSignal.text("#gpc-honoured")).contains("Global Privacy Control", "(recorded now)");
        assertThat(ledger.stateOf(email).get(Purpose.SALE_SHARING).choice()).isEqualTo(Choice.OPT_OUT);
        assertThat(ledger.stateOf(email).get(Purpose.SALE_SHARING).source()).isEqualTo(SignalSource.GPC);
        List<ConsentRecordView> history = ledger.historyOf(email);
        assertThat(history).extracting(ConsentRecordView::source).containsExactly(SignalSource.PREFERENCE_CENTER,
                SignalSource.PREFERENCE_CENTER, SignalSource.GPC);

        Page closed = customer.post("/preferences/sign-out", back, Map.of());
        assertThat(closed.text("h1")).isEqualTo("Your privacy choices");
        assertThat(customer.get("/preferences/manage").status()).isEqualTo(401);
    }

    /** The year's opt-outs of sale or sharing complied with, on the privacy officers' metrics page. */
    private static int compliedOptOuts(WebSession dpo) {
        return Integer.parseInt(optOutMetrics(dpo).select("td").get(1).text());
    }

    private static org.jsoup.nodes.Element optOutMetrics(WebSession dpo) {
        org.jsoup.nodes.Element row = dpo.get("/staff/records").document().selectFirst(
                "#metrics tr:has(th:contains(Requests to opt out of sale or sharing))");
        assertThat(row).as("the opt-out row of the metrics").isNotNull();
        return row;
    }
}
