package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * axe-core (WCAG 2.0/2.1, A and AA), as in {@link AccessibilityIntegrationTest}, on the pages of a privacy officer's
 * review of an access package before release. The shared test configuration releases packages without a review,
 * so this class runs an application of its own that reviews GDPR access packages.
 */
@RightsflowIntegrationTest
@TestPropertySource(properties = "rightsflow.access-package.review-before-release=GDPR:ACCESS")
class PackageReviewAccessibilityIntegrationTest {

    /** A generated customer of the demo shop no other test uses: the tests share one mail server. */
    static final int REVIEWED_CUSTOMER_ID = 22;
    /** What the review leaves out, as its form offers it. */
    private static final String PHONE_COLUMN = "Column customers.phone (Shop customer database)";

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @TestFactory
    Stream<DynamicTest> packageReviewPages() {
        AtomicReference<String> reference = new AtomicReference<>();
        return Stream.of(
                pages.check("package review task page", () -> {
                    reference.set(requestAwaitingPackageReview(ShopDatabase.of(systems).emailOf(REVIEWED_CUSTOMER_ID)));
                    pages.signIn("dpo", "dpo");
                    WebElement row = browser.driver().findElement(By.xpath("//tr[td/a[normalize-space()='"
                            + reference.get() + "'] and contains(., 'Review the access package')]"));
                    browser.andWaitForNextPage(() -> row.findElement(By.cssSelector("td:nth-child(2) a")).click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Review the access package");
                    assertThat(browser.find("main").getText()).contains("Shop customer database", "customers");
                    assertLabelsHoldTheVisibleText();
                }),
                pages.check("package review table preview", () -> {
                    browser.andWaitForNextPage(() -> browser.find("a[aria-label^='Show rows of customers in ']")
                            .click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Table customers");
                    assertThat(browser.find("table").getText()).contains(ShopDatabase.of(systems).emailOf(REVIEWED_CUSTOMER_ID));
                }),
                pages.check("package review with an exclusion error", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.linkText("Back to the review")).click());
                    new Select(browser.find("#target")).selectByVisibleText(PHONE_COLUMN);
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Leave it out']")).click());
                    assertThat(browser.find(".error-summary").getText()).contains("Give the reason for leaving it out");
                }),
                pages.check("package review with something left out", () -> {
                    new Select(browser.find("#target")).selectByVisibleText(PHONE_COLUMN);
                    browser.find("#exclude-reason").sendKeys("The number is shared with another customer.");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Leave it out']")).click());
                    assertThat(browser.find("[role=status]").getText()).contains("Left out, with your reason");
                    assertThat(browser.find("main").getText()).contains("The number is shared with another customer.");
                    assertLabelsHoldTheVisibleText();
                }));
    }

    /**
     * WCAG 2.5.3 (Label in Name, level A), which axe-core checks only in an experimental rule that the A/AA run
     * leaves out: a link or button with an aria-label must be named, first, by the words it shows ("Show rows",
     * "Put back"), so that people who speak to their computer can say what they see.
     */
    private static void assertLabelsHoldTheVisibleText() {
        By labelledControls = By.cssSelector("main a[aria-label], main button[aria-label]");
        assertThat(browser.driver().findElements(labelledControls)).as("labelled links and buttons").isNotEmpty();
        for (WebElement labelled : browser.driver().findElements(labelledControls)) {
            assertThat(labelled.getAttribute("aria-label")).as("accessible name of %s", Browser.describe(labelled))
                    .startsWith(labelled.getText().strip());
        }
    }


    /**
     * A GDPR access request by {@code email}, submitted and confirmed over plain HTTP, its support-desk task done and
     * the mailing agency's confirmation given; returns its reference once its package waits for a privacy officer.
     */
    private String requestAwaitingPackageReview(String email) {
        Journey journey = new Journey(port, "unused").withEmail(email);
        journey.submit("ACCESS", "GDPR", "");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 1, "DONE", "Nothing found.");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Not a subscriber.");
        WebSession officer = new WebSession(port).login("dpo", "dpo");
        await().atMost(Journey.PATIENCE).until(() -> officer.inboxTaskLink(journey.reference(),
                "Review the access package"), link -> link != null);
        return journey.reference();
    }
}
