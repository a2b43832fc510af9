package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PackVerifier;
import org.rightsflow.testsupport.Readability;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every English page and email a subject reads on the way from the form to their data, rendered with real data
 * from a real request, reads at US grade 8 or below (Flesch-Kincaid; {@link Readability}). The status page's
 * sentences for each state are measured on their own in {@code StatusStandingTest}.
 */
@RightsflowIntegrationTest
class ReadabilityIntegrationTest {

    private static final double GRADE = 8.0;

    @LocalServerPort
    int port;

    @Test
    void whatASubjectReadsFromTheFormToTheDownloadNeedsNoMoreThanGradeEight() throws Exception {
        Map<String, Double> grades = new LinkedHashMap<>();
        Journey journey = new Journey(port, "readability").speaking("en");
        WebSession subject = journey.subjectSession();
        grades.put("privacy center", Readability.grade(subject.get("/").document()));
        grades.put("form with errors", Readability.grade(subject.post("/requests", subject.get("/"), Map.of())
                .document()));
        grades.put("confirmation", Readability.grade(journey.submit("ACCESS", "GDPR", "").document()));
        grades.put("verification page", Readability.grade(subject.get(Journey.linkPath(
                journey.awaitMailWith("/verify/"), "verify")).document()));
        Page verified = journey.confirmFromEmail();
        grades.put("verified page", Readability.grade(verified.document()));
        grades.put("status page", Readability.grade(journey.statusPage().document()));
        journey.completeTasksAs("owner", "owner", 1, "DONE", "Nothing found.");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Not a subscriber.");
        // The package can be fetched once the answer is out (the status page offers it only then).
        journey.awaitMail("Our answer to your request " + journey.reference());
        byte[] zip = journey.downloadPackage();
        grades.put("the package's summary", Readability.grade(Jsoup.parse(new String(
                PackVerifier.unzip(zip).get("summary.html"), StandardCharsets.UTF_8))));
        grades.put("status page with the package", Readability.grade(journey.statusPage().document()));
        grades.put("do not sell or share", Readability.grade(subject.get("/do-not-sell-or-share").document()));
        grades.put("preference center", Readability.grade(subject.get("/preferences").document()));
        for (var mail : TestMailServer.messagesTo(journey.email())) {
            grades.put("email \"" + TestMailServer.subject(mail) + "\"", Readability.grade(
                    TestMailServer.body(mail)));
        }
        grades.forEach((text, grade) -> System.out.printf("readability %-60s %5.1f%n", text, grade));
        assertThat(grades).as("grades measured").hasSizeGreaterThan(12);
        assertThat(grades).allSatisfy((text, grade) -> assertThat(grade).as(text).isLessThanOrEqualTo(GRADE));
    }

    /** The measure itself tells plain words from dense ones on pages, so the test above can fail. */
    @Test
    void theMeasureTellsAPlainPageFromADenseOne() {
        assertThat(Readability.grade(Jsoup.parse("<main><h1>Your data</h1><p>We have your request. We will email "
                + "you soon.</p><label>Email</label></main>"))).isLessThan(4);
        assertThat(Readability.grade(Jsoup.parse("<main><p>Notwithstanding the aforementioned statutory "
                + "considerations, the controller's determination regarding the applicability of exemptions "
                + "necessitates comprehensive evaluation of proportionality.</p></main>"))).isGreaterThan(GRADE);
    }
}
