package org.rightsflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rightsflow.testsupport.PackVerifier.opensslVerify;
import static org.rightsflow.testsupport.PackVerifier.publicKey;
import static org.rightsflow.testsupport.PackVerifier.sha256;
import static org.rightsflow.testsupport.PackVerifier.sha256sumCheck;
import static org.rightsflow.testsupport.PackVerifier.unzip;
import static org.rightsflow.testsupport.PackVerifier.verify;
import static org.rightsflow.testsupport.PackVerifier.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A real erasure request carried out to its answer, then its evidence pack downloaded over HTTP as a privacy
 * officer and checked as an outsider would: every digest recomputed, the Ed25519 signature checked with the key the
 * application publishes, and again with the real {@code sha256sum} and {@code openssl}; a changed file, or a changed
 * manifest, is caught. The pack holds no link, token or code of the subject's mail, and nothing of another request.
 */
@RightsflowIntegrationTest
@TestPropertySource(properties = "rightsflow.access-package.review-before-release=GDPR:ACCESS")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePackIntegrationTest {

    private static final Pattern SECRET_LINK = Pattern.compile(
            "https?://[^\\s]+/(verify|status|processors/confirm|preferences)/([A-Za-z0-9_-]{16,})");

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    private Journey erasure;
    private Journey other;
    private WebSession dpo;
    private final List<String> secrets = new ArrayList<>();

    @BeforeAll
    void anErasureRequestIsCarriedOutToItsAnswer() {
        ShopDatabase shop = ShopDatabase.of(systems);
        erasure = new Journey(port, "evidence").withEmail(shop.emailOf(140));
        erasure.submit("DELETION", "GDPR", "Please delete everything you hold about me.");
        erasure.confirmFromEmail();
        erasure.completeTasksAs("owner", "owner", 2, "DONE", "Deleted in the support desk.");
        erasure.confirmAsProcessor(Journey.DEMO_AGENCY, "Deleted from the agency's list.");
        erasure.awaitMail("Our answer to your request " + erasure.reference());

        other = new Journey(port, "evidence-other");
        other.submit("ACCESS", "CCPA", "Someone else's request.");

        List<String> bodies = new ArrayList<>(erasure.mails().stream().map(TestMailServer::body).toList());
        TestMailServer.messagesTo(Journey.DEMO_AGENCY).stream().map(TestMailServer::body)
                .filter(body -> body.contains(erasure.reference())).forEach(bodies::add);
        for (String body : bodies) {
            Matcher link = SECRET_LINK.matcher(body);
            while (link.find()) {
                secrets.add(link.group(2));
            }
        }
        assertThat(secrets).as("the verification, status and processor links of the journey").hasSizeGreaterThanOrEqualTo(3);
        dpo = new WebSession(port).login("dpo", "dpo");
    }

    @Test
    void theRequestsPackVerifiesWithTheJdkAndWithSha256sumAndOpensslAndATamperedPackDoesNot(@TempDir Path dir)
            throws Exception {
        WebSession.Download download = dpo.download("/staff/evidence/requests/" + erasure.reference() + ".zip");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/zip");
        assertThat(download.cacheControl()).contains("no-store");
        Map<String, byte[]> files = unzip(download.body());
        assertThat(files).containsKeys("README.txt", "summary.txt", "timeline.csv", "timeline-check.txt",
                "systems.json", "messages.csv", "decisions.json", "deadlines.csv", "public.pem", "manifest.txt",
                "manifest.sig");

        WebSession.Download published = new WebSession(port).download("/staff/evidence/public-key.pem");
        assertThat(published.status()).as("the key is published to anyone").isEqualTo(200);
        assertThat(published.text()).isEqualTo(text(files, "public.pem"));
        PublicKey key = publicKey(published.text());
        assertThat(verify(files, key)).as("independent verification").isEmpty();

        String summary = text(files, "summary.txt");
        assertThat(summary).contains("Reference: " + erasure.reference(), "Type: DELETION", "Timeline hash chain: intact",
                "Subject email: " + erasure.email(), "Status: CLOSED");
        assertThat(text(files, "timeline-check.txt")).startsWith("INTACT");
        assertThat(text(files, "timeline.csv")).contains("SUBMITTED", "VERIFIED", "ERASURE_DECIDED", "RESPONDED");
        String steps = text(files, "systems.json");
        assertThat(steps).contains("Shop customer database", "\"action\" : \"PLAN_ERASURE\"", "\"dryRun\" : true",
                "\"action\" : \"ERASE\"", "Proof of erasure", "Support desk", "Deleted in the support desk.");
        assertThat(text(files, "messages.csv")).contains("ACKNOWLEDGEMENT", "mail/acknowledgement",
                "Please confirm your request", "RESPONSE", "SENT");
        assertThat(text(files, "decisions.json")).contains("\"kind\" : \"ERASURE_DECIDED\"", "\"actor\" : \"owner\"");
        assertThat(text(files, "deadlines.csv")).contains("response,", ",MET,");

        String everything = files.values().stream().map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        assertThat(secrets).as("no link or token of the subject's or the processor's mail")
                .noneMatch(everything::contains);
        assertThat(everything).doesNotContain(other.email(), other.reference());
        assertThat(files.entrySet()).as("the subject's address only once, in the summary")
                .filteredOn(e -> new String(e.getValue(), StandardCharsets.UTF_8).contains(erasure.email()))
                .extracting(Map.Entry::getKey).containsExactly("summary.txt");

        Path unpacked = write(dir.resolve("pack"), files);
        assertThat(sha256sumCheck(unpacked)).as("sha256sum -c").isZero();
        assertThat(opensslVerify(unpacked)).as("openssl pkeyutl -verify").isZero();

        // One changed file: its digest no longer matches.
        Map<String, byte[]> tampered = new LinkedHashMap<>(files);
        tampered.put("timeline.csv", text(files, "timeline.csv").replace("owner", "nobody").getBytes(StandardCharsets.UTF_8));
        assertThat(verify(tampered, key)).containsExactly("digest of timeline.csv");
        Path changedFile = write(dir.resolve("changed-file"), tampered);
        assertThat(sha256sumCheck(changedFile)).isNotZero();

        // The manifest changed to match: the signature no longer does.
        String manifest = text(files, "manifest.txt");
        String line = manifest.lines().filter(l -> l.endsWith("  timeline.csv")).findFirst().orElseThrow();
        String forged = manifest.replace(line, sha256(tampered.get("timeline.csv")) + "  timeline.csv");
        tampered.put("manifest.txt", forged.getBytes(StandardCharsets.UTF_8));
        assertThat(verify(tampered, key)).containsExactly("signature");
        Path changedManifest = write(dir.resolve("changed-manifest"), tampered);
        assertThat(sha256sumCheck(changedManifest)).isZero();
        assertThat(opensslVerify(changedManifest)).as("openssl on a changed manifest").isNotZero();
    }

    @Test
    void theOfficersDecisionsAreInThePackWithWhoTookThemAndWhy() throws Exception {
        Journey decided = new Journey(port, "evidence-decided");
        decided.submit("ACCESS", "GDPR", "All my data please.");
        decided.confirmFromEmail();
        String page = "/staff/requests/" + decided.reference();
        String reason = "Your data sits in three archives we must restore first.";
        WebSession.Page extended = await().atMost(Journey.PATIENCE).until(() -> dpo.post(page + "/extend", dpo.get(page),
                Map.of("reason", reason)), result -> result.mainText().contains("Extended to"));
        decided.refuseOnLegalException("The law requires us to keep these records secret.");

        Map<String, byte[]> files = unzip(dpo.download("/staff/evidence/requests/" + decided.reference() + ".zip").body());

        assertThat(verify(files, publicKey(text(files, "public.pem")))).isEmpty();
        JsonNode decisions = new ObjectMapper().readTree(files.get("decisions.json"));
        assertThat(decisions.path("extension").path("extendedBy").asText()).isEqualTo("dpo");
        assertThat(decisions.path("extension").path("reason").asText()).isEqualTo(reason);
        assertThat(decisions.path("refusal").path("refusedBy").asText()).isEqualTo("dpo");
        assertThat(decisions.path("refusal").path("ground").asText()).isEqualTo("LEGAL_EXCEPTION");
        assertThat(decisions.path("refusal").path("reasons").asText())
                .isEqualTo("The law requires us to keep these records secret.");
        assertThat(decisions.path("fromTheTimeline").findValuesAsText("kind"))
                .contains("DEADLINE_EXTENDED", "REFUSED");
        assertThat(text(files, "messages.csv")).contains("EXTENSION_NOTICE", "REFUSAL");
        assertThat(text(files, "deadlines.csv").lines()).as("answered (refused) by the extended date")
                .anyMatch(line -> line.matches("response," + decisions.path("extension").path("newDue").asText()
                        + ",\\d{4}-\\d{2}-\\d{2},MET,.*"));
        assertThat(extended.status()).isEqualTo(200);
    }

    @Test
    void aPeriodsPackHasEveryRequestOfThePeriodWithoutTheSubjects() throws Exception {
        LocalDate today = LocalDate.now();
        WebSession.Download download = dpo.download("/staff/evidence/period.zip?from=" + today.minusDays(1) + "&to="
                + today.plusDays(1));
        assertThat(download.status()).isEqualTo(200);
        Map<String, byte[]> files = unzip(download.body());
        String folder = "requests/" + erasure.reference() + "/";
        assertThat(files).containsKeys("README.txt", "requests.csv", folder + "summary.txt", folder + "systems.json",
                "requests/" + other.reference() + "/timeline.csv");
        assertThat(text(files, "requests.csv")).contains(erasure.reference() + ",DELETION,GDPR", other.reference());
        assertThat(verify(files, publicKey(text(files, "public.pem")))).isEmpty();
        String everything = files.values().stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .reduce("", String::concat);
        assertThat(everything).as("no subject's address in a period pack").doesNotContain(erasure.email(), other.email());
        assertThat(secrets).noneMatch(everything::contains);
    }

    @Test
    void badInputGetsAClearPageAndNoPack() {
        WebSession.Download unknown = dpo.download("/staff/evidence/requests/DSR-2026-0000000000.zip");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("Request not found");
        for (String query : List.of("", "?from=2026-01-01", "?from=2026-13-01&to=2026-12-31", "?from=yesterday&to=today",
                "?from=2026-02-01&to=2026-01-01", "?from=2020-01-01&to=2023-01-01", "?from=%3Cscript%3E&to=2026-01-01")) {
            WebSession.Download refused = dpo.download("/staff/evidence/period.zip" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("text/html");
            assertThat(refused.text()).contains("That period cannot be packed").doesNotContain("Exception", "<script>");
        }
        assertThat(dpo.download("/staff/evidence/period.zip?from=2020-01-01&to=2022-12-31").status())
                .as("exactly three years").isEqualTo(200);
        WebSession owner = new WebSession(port).login("owner", "owner");
        assertThat(owner.download("/staff/evidence/requests/" + erasure.reference() + ".zip").status()).isEqualTo(403);
        assertThat(owner.get("/staff/evidence").status()).isEqualTo(403);
    }

    private static String text(Map<String, byte[]> files, String name) {
        assertThat(files).containsKey(name);
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
