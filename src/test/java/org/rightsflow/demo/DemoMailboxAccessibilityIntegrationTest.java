package org.rightsflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.rightsflow.testsupport.Axe;
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

    @LocalServerPort
    int port;

    String base;

    @BeforeEach
    void setUp() {
        // Skips or fails here, by the rule for missing tools, when axe-core is not installed.
        Axe.load();
        base = "http://localhost:" + port;
    }

    @TestFactory
    Stream<DynamicTest> demoMailbox() {
        Journey journey = new Journey(port, "mailbox-axe");
        return Stream.of(
                AxePages.page(browser, "demo mailbox", () -> {
                    browser.open(base + "/demo/mailbox");
                    assertThat(browser.find("h1").getText()).isEqualTo("Demo mailbox");
                    assertThat(browser.find("#demo-only").getText()).contains("This page exists only in the demo");
                }),
                AxePages.page(browser, "demo mailbox with a request's mail", () -> {
                    journey.submit("ACCESS", "GDPR", "");
                    await().atMost(Journey.PATIENCE).until(() -> {
                        browser.open(base + "/demo/mailbox");
                        return browser.find("main").getText().contains("Please confirm your request "
                                + journey.reference());
                    });
                    browser.driver().findElement(By.linkText(journey.email())).click();
                    assertThat(browser.find("main").getText()).contains("Mail to " + journey.email());
                }));
    }
}
