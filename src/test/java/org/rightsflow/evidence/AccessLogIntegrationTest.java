package org.rightsflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.AccessKind;
import org.rightsflow.audit.AccessLog;
import org.rightsflow.audit.AccessRecord;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.OptOutBatches;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every way a person sees a request's personal data leaves exactly one row (who, what, from where), and privacy
 * officers read the rows per request and per staff member; a system owner may not.
 */
@RightsflowIntegrationTest
@TestPropertySource(properties = "rightsflow.access-package.review-before-release=GDPR:ACCESS")
class AccessLogIntegrationTest {

    private static final String OFFICE = "192.0.2.10";

    @LocalServerPort
    int port;

    @Autowired
    AccessLog accessLog;

    @Autowired
    SystemRegistry systems;

    @Autowired
    OptOutBatches batches;

    @Test
    void eachViewOfARequestIsOneRowWithWhoWhatAndWhere() throws Exception {
        ShopDatabase shop = ShopDatabase.of(systems);
        Journey journey = new Journey(port, "access-log").withEmail(shop.emailOf(150));
        journey.submit("ACCESS", "GDPR", "");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 1, "DONE", "Nothing by hand.");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Nothing held.");
        String reference = journey.reference();
        WebSession dpo = new WebSession(port).from(OFFICE).login("dpo", "dpo");
        String review = await().atMost(Journey.PATIENCE).until(() -> dpo.inboxTaskLink(reference,
                "Review the access package"), found -> found != null);
        List<AccessRecord> before = rows(reference);
        assertThat(before).as("the owner's task page, once").extracting(AccessRecord::kind, AccessRecord::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AccessKind.TASK_PAGE, "owner"));

        assertThat(dpo.get("/staff/requests/" + reference).status()).isEqualTo(200);
        Page task = dpo.get(review);
        dpo.get(review);
        String preview = task.document().select("a[href*=/preview]").stream().map(Element.class::cast)
                .map(a -> a.attr("href")).findFirst().orElseThrow();
        assertThat(dpo.get(preview).mainText()).contains("Table");
        assertThat(apiRead(reference)).isEqualTo(200);
        new WebSession(port).login("owner", "owner").get("/staff/requests/" + reference);

        List<AccessRecord> after = rows(reference);
        assertThat(after).hasSize(before.size() + 5);
        List<AccessRecord> added = after.subList(0, 5);
        assertThat(added).extracting(AccessRecord::kind).containsExactly(AccessKind.REQUEST_PAGE, AccessKind.API_READ,
                AccessKind.PACKAGE_PREVIEW, AccessKind.TASK_PAGE, AccessKind.REQUEST_PAGE);
        assertThat(added).extracting(AccessRecord::actor).containsExactly("owner", "API (demo)", "dpo", "dpo", "dpo");
        assertThat(added.subList(2, 5)).as("forwarded for the officer's client").extracting(AccessRecord::clientAddress)
                .containsOnly(OFFICE);
        assertThat(added.get(3).detail()).isEqualTo("task " + review.substring(review.lastIndexOf('/') + 1));
        assertThat(added.get(2).detail()).startsWith("table ");
        assertThat(after).extracting(AccessRecord::detail).allMatch(d -> d == null || !d.contains("@"));

        // The evidence pack is an export of the request.
        assertThat(dpo.download("/staff/evidence/requests/" + reference + ".zip").status()).isEqualTo(200);
        assertThat(rows(reference).get(0)).satisfies(row -> {
            assertThat(row.kind()).isEqualTo(AccessKind.EXPORT);
            assertThat(row.actor()).isEqualTo("dpo");
        });

        Page perRequest = dpo.get("/staff/access-log?request=" + reference);
        assertThat(perRequest.status()).isEqualTo(200);
        assertThat(perRequest.document().select("#access-log tbody tr")).hasSize(rows(reference).size());
        assertThat(perRequest.text("#access-log tbody tr")).contains("Export", "dpo", reference);
        assertThat(perRequest.mainText()).contains("Access package preview", "Task page (first view)", "API read",
                "API (demo)", OFFICE).doesNotContain(journey.email());
        Page perStaff = dpo.get("/staff/access-log?staff=owner");
        assertThat(perStaff.mainText()).contains("Views by owner", reference, "Request page", "Task page (first view)")
                .doesNotContain("API read");
        assertThat(dpo.get("/staff/requests/" + reference).document().select("#access-log-link").attr("href"))
                .isEqualTo("/staff/access-log?request=" + reference);

        WebSession owner = new WebSession(port).login("owner", "owner");
        assertThat(owner.get("/staff/access-log?request=" + reference).status()).isEqualTo(403);
        assertThat(owner.get("/staff/access-log?staff=dpo").status()).isEqualTo(403);
    }

    @Test
    void theListOfAnOptOutBatchIsOneRowInTheSameTransactionAsItsTimelineEntry() throws Exception {
        HttpResponse<String> recorded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/optouts")).header("X-Api-Key", "demo-api-key")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"optOuts\": [{\"email\": \"access-log-optout+" + System.nanoTime() + "@example.com\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(recorded.statusCode()).isEqualTo(200);
        BatchView batch = batches.cutWaiting().stream().findFirst().orElseThrow();
        WebSession dpo = new WebSession(port).login("dpo", "dpo");

        WebSession.Download csv = dpo.download("/staff/opt-outs/" + batch.reference() + "/people.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(rows(batch.reference())).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(AccessKind.OPT_OUT_CSV);
            assertThat(row.actor()).isEqualTo("dpo");
            assertThat(row.clientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        });
        assertThat(dpo.get("/staff/access-log?request=" + batch.reference()).mainText())
                .contains("Opt-out batch list (CSV)");
    }

    @Test
    void anEmptyOrUnknownQueryIsAPageNotAnError() {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        assertThat(dpo.get("/staff/access-log").mainText()).contains("Access log").doesNotContain("Nothing recorded");
        Page unknown = dpo.get("/staff/access-log?request=%3Cb%3EDSR%3C/b%3E&page=x");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.text("#no-access")).isEqualTo("Nothing recorded.");
        assertThat(unknown.body()).doesNotContain("<b>DSR");
    }

    private int apiRead(String reference) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/v1/requests/" + reference)).header("X-Api-Key", "demo-api-key").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).statusCode();
    }

    private List<AccessRecord> rows(String reference) {
        return accessLog.ofReference(reference, 0, 100).getContent();
    }
}
