package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.ReportingContext;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The record of processing activities over real HTTP, made from the demo company's three systems and one more
 * imported here (inactive, so no request reaches it) whose definition leaves fields out, names a cloud host in the
 * United States, a partner in a country no list knows and a recipient without a country, and a category that a
 * spreadsheet would run as a formula. The page counts the gaps and marks them; the CSV file, read back with an
 * RFC 4180 reader, holds the same record with the formula defused.
 */
@ReportingContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordOfProcessingIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @BeforeAll
    void aSystemWithGapsAndTransfers() {
        systems.importYaml("ropa-test", """
                systems:
                  - key: analytics
                    name: Web analytics
                    description: Visits of the shop's pages.
                    ownerGroup: marketing-team
                    kind: manual
                    requestTypes: [ACCESS]
                    active: false
                    personalData:
                      categories: ["=HYPERLINK(\\"http://evil.example\\")", device identifiers]
                      recipients:
                        - {name: Cloud host, country: United States, role: hosting (processor)}
                        - {name: Narnia Partners, country: Narnia, role: joint marketing}
                        - {name: Ad network, role: advertising}
                """);
    }

    @Test
    void thePageListsEachSystemAndCountsWhatIsNotRecorded() {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        WebSession.Page page = dpo.get("/staff/ropa");

        assertThat(page.status()).isEqualTo(200);
        Document html = page.document();
        // The controller's DPO (not configured) and, for Web analytics, purposes, the Ad network's country and
        // the retention; the demo systems record everything.
        assertThat(html.selectFirst("#gaps").text()).contains("4 field(s) not recorded", "4 processing activities");
        assertThat(html.selectFirst("#transfer-count").text()).startsWith("1 activit(ies) send data outside");
        assertThat(html.selectFirst("#controller").text()).contains("Demo Shop", ReportingContext.CONTROLLER_CONTACT,
                "Data protection officer not recorded");

        Element analytics = html.selectFirst("#activity-analytics");
        assertThat(analytics.selectFirst(".gap-list").text())
                .isEqualTo("Not recorded: purposes, country of Ad network, retention");
        assertThat(analytics.text()).contains("In scope of requests No (inactive system)",
                "Cloud host (processor; role: hosting (processor); country: United States)",
                "Ad network (third party; role: advertising; country: not recorded)",
                "Cloud host in United States: Transfer: adequacy only for covered recipients",
                "Narnia Partners in Narnia: Country not recognised",
                "Source The data subject", "Automated decisions None recorded");
        assertThat(analytics.select("dd.gap").eachText()).containsExactly("not recorded", "not recorded");

        Element shop = html.selectFirst("#activity-shop-db");
        assertThat(shop.select(".gap-list")).as("the shop database records everything").isEmpty();
        assertThat(shop.text()).contains("Parcel carrier (third party; role: delivers orders; country: Germany)",
                "Transfers to third countries None", "invoices and their lines 10 years (tax law)",
                "The customer, when ordering");
    }

    @Test
    void theCsvFileHoldsTheSameRecordWithFormulasDefused() throws IOException {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        WebSession.Download csv = dpo.download("/staff/ropa.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.contentDisposition()).contains("record-of-processing-activities.csv");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.text())).getRecords();
        assertThat(records).extracting(r -> r.get("system"))
                .containsExactly("Mailing agency", "Shop customer database", "Support desk", "Web analytics");
        Map<String, String> analytics = records.get(3).toMap();
        assertThat(analytics).containsEntry("controller", "Demo Shop")
                .containsEntry("controller_contact", ReportingContext.CONTROLLER_CONTACT)
                .containsEntry("dpo_contact", "not recorded")
                .containsEntry("owner_group", "marketing-team")
                .containsEntry("in_scope_of_requests", "false")
                .containsEntry("categories_of_data", "'=HYPERLINK(\"http://evil.example\"); device identifiers")
                .containsEntry("purposes", "not recorded")
                .containsEntry("retention", "not recorded")
                .containsEntry("source", "the data subject")
                .containsEntry("gaps", "3");
        assertThat(analytics.get("recipients")).isEqualTo("Cloud host (processor; role: hosting (processor); "
                + "country: United States); Narnia Partners (third party; role: joint marketing; country: Narnia); "
                + "Ad network (third party; role: advertising; country: not recorded)");
        assertThat(analytics.get("transfers_to_third_countries")).startsWith("Cloud host in United States: ")
                .contains("; Narnia Partners in Narnia: Country not recognised");
        assertThat(records.get(1).get("transfers_to_third_countries")).isEqualTo("none");
        assertThat(records.get(1).get("gaps")).isEqualTo("0");
    }

    @Test
    void systemOwnersMayNotReadTheRecord() {
        WebSession owner = new WebSession(port).login("owner", "owner");
        assertThat(owner.get("/staff/ropa").status()).isEqualTo(403);
        assertThat(owner.download("/staff/ropa.csv").status()).isEqualTo(403);
    }
}
