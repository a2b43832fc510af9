package org.rightsflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * axe-core (WCAG 2.0/2.1, A and AA), as in the other accessibility tests, on the access log (empty, and with a
 * request's views), the evidence page and the page of a refused period. The same context as the other evidence tests.
 */
@RightsflowIntegrationTest
@TestPropertySource(properties = "rightsflow.access-package.review-before-release=GDPR:ACCESS")
class EvidenceAccessibilityIntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> accountabilityPages() {
        Journey journey = new Journey(port, "evidence-axe");
        return Stream.of(
                pages.check("access log, no query", () -> {
                    journey.submit("ACCESS", "GDPR", "");
                    pages.signIn("dpo", "dpo");
                    pages.open("/staff/access-log");
                    assertThat(browser.find("h1").getText()).isEqualTo("Access log");
                }),
                pages.check("request page with its accountability links", () -> {
                    pages.open("/staff/requests/" + journey.reference());
                    assertThat(browser.isPresent("#evidence-pack")).isTrue();
                }),
                pages.check("access log of a request", () -> {
                    pages.open("/staff/access-log?request=" + journey.reference());
                    assertThat(browser.find("#access-log caption").getText()).contains("view(s)");
                }),
                pages.check("evidence packs", () -> {
                    pages.open("/staff/evidence");
                    assertThat(browser.isPresent("#throwaway-key")).isTrue();
                }),
                pages.check("a refused period", () -> {
                    pages.open("/staff/evidence/period.zip?from=2026-02-01&to=2026-01-01");
                    assertThat(browser.find("#refusal-reason").getText()).contains("ends before it starts");
                }));
    }
}
