package org.rightsflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (WCAG 2.0/2.1, A and AA), as in {@code AccessibilityIntegrationTest}, on the demo mailbox: empty of this
 * test's mail, and with a request's emails in it, an address chosen from the list with the keyboard's link.
 */
@DemoMailboxOnTest
class DemoMailboxAccessibilityIntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> demoMailbox() {
        Journey journey = new Journey(port, "mailbox-axe");
        return Stream.of(
                pages.check("demo mailbox", () -> {
                    pages.open("/demo/mailbox");
                    assertThat(browser.find("h1").getText()).isEqualTo("Demo mailbox");
                    assertThat(browser.find("#demo-only").getText()).contains("This page exists only in the demo");
                }),
                pages.check("demo mailbox with a request's mail", () -> {
                    journey.submit("ACCESS", "GDPR", "");
                    await().atMost(Journey.PATIENCE).until(() -> {
                        pages.open("/demo/mailbox");
                        return browser.find("main").getText().contains("Please confirm your request "
                                + journey.reference());
                    });
                    browser.driver().findElement(By.linkText(journey.email())).click();
                    assertThat(browser.find("main").getText()).contains("Mail to " + journey.email());
                }));
    }
}
