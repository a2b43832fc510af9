package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * axe-core (WCAG 2.0/2.1, A and AA), as in {@link AccessibilityIntegrationTest}, on the page navigation of the inbox
 * and the requests list. One task and one request a page, so that two requests give several pages of each.
 */
@RightsflowIntegrationTest
@TestPropertySource(properties = "rightsflow.staff-pages.page-size=1")
class PagingAccessibilityIntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @TestFactory
    Stream<DynamicTest> pagedLists() {
        return Stream.of(
                pages.check("inbox, first page", () -> {
                    for (String prefix : new String[] {"paging-a", "paging-b"}) {
                        Journey journey = new Journey(port, prefix);
                        journey.submit("ACCESS", "GDPR", "");
                        journey.confirmFromEmail();
                        await().atMost(Journey.PATIENCE).until(() -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(journey.reference()).active().count() > 0);
                    }
                    pages.signIn("dpo", "dpo");
                    pages.open("/staff");
                    assertThat(browser.find("tbody").findElements(By.tagName("tr"))).hasSize(1);
                    assertThat(browser.find("caption").getText()).contains("page 1 of");
                    assertThat(browser.find("nav[aria-label='Pages of the inbox'] [aria-current=page]").getText())
                            .isEqualTo("1");
                }),
                pages.check("inbox, second page", () -> {
                    browser.andWaitForNextPage(() -> browser.find(
                            "nav[aria-label='Pages of the inbox'] a[rel=next]").click());
                    assertThat(browser.currentUrl()).endsWith("/staff?page=2");
                    assertThat(browser.find("nav[aria-label='Pages of the inbox'] [aria-current=page]").getText())
                            .isEqualTo("2");
                    assertThat(browser.isPresent("nav[aria-label='Pages of the inbox'] a[rel=prev]")).isTrue();
                }),
                pages.check("requests list, last page", () -> {
                    pages.open("/staff/requests?page=1000");
                    assertThat(browser.find("tbody").findElements(By.tagName("tr"))).hasSize(1);
                    String current = browser.find(
                            "nav[aria-label='Pages of the requests list'] [aria-current=page]").getText();
                    assertThat(browser.find("caption").getText()).endsWith("page " + current + " of " + current);
                    assertThat(browser.isPresent("nav[aria-label='Pages of the requests list'] a[rel=next]"))
                            .isFalse();
                }));
    }
}
