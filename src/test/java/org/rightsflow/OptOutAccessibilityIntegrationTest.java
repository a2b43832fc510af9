package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.OptOutBatches;
import org.rightsflow.optout.Purpose;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core (WCAG 2.0/2.1, A and AA), as in {@link AccessibilityIntegrationTest}, on the opt-out pages, the
 * preference center, and the staff pages of opt-out batches and request metrics, reached with the keyboard where a
 * customer would type.
 */
@RightsflowIntegrationTest
class OptOutAccessibilityIntegrationTest {

    /** A generated customer of the demo shop no other test uses: the tests share one mail server. */
    static final int CUSTOMER_ID = 29;
    private static final Pattern PREFERENCE_LINK = Pattern.compile("https?://[^\\s]+(/preferences/[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @Autowired
    SystemRegistry systems;

    @Autowired
    OptOutBatches batches;

    @TestFactory
    Stream<DynamicTest> optOutPages() {
        String email = ShopDatabase.of(systems).emailOf(CUSTOMER_ID);
        AtomicReference<BatchView> batch = new AtomicReference<>();
        return Stream.of(
                pages.check("do not sell or share form", () -> {
                    pages.open("/");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.linkText("Do Not Sell or Share My Personal Information")).click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Do Not Sell or Share My Personal Information");
                }),
                pages.check("do not sell or share form with an error", () -> {
                    browser.find("#email").sendKeys("not an address");
                    browser.andWaitForNextPage(() -> browser.find("#email").sendKeys(Keys.ENTER));
                    assertThat(browser.find(".error-summary").getText()).contains("Enter an email address");
                }),
                pages.check("opt-out recorded", () -> {
                    browser.find("#email").clear();
                    browser.find("#email").sendKeys(email);
                    browser.andWaitForNextPage(() -> browser.find("#email").sendKeys(Keys.ENTER));
                    assertThat(browser.find("h1").getText()).isEqualTo("Your choice is recorded");
                }),
                pages.check("limit the use form", () -> {
                    pages.open("/limit-sensitive-use");
                    assertThat(browser.find("h1").getText())
                            .isEqualTo("Limit the Use of My Sensitive Personal Information");
                }),
                pages.check("preference center start", () -> {
                    pages.open("/preferences");
                    assertThat(browser.find("h1").getText()).isEqualTo("Your privacy choices");
                }),
                pages.check("preference link sent", () -> {
                    browser.find("#email").sendKeys(email);
                    browser.andWaitForNextPage(() -> browser.find("#email").sendKeys(Keys.ENTER));
                    assertThat(browser.find("h1").getText()).isEqualTo("Check your email");
                }),
                pages.check("preference center with choices and history", () -> {
                    pages.open(preferenceLink(email));
                    assertThat(browser.find("main").getText()).contains(email, "Opt-out form");
                }),
                pages.check("preference center after saving", () -> {
                    browser.find("#choice-SENSITIVE_USE-OPT_OUT").click();
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Save my choices']")).click());
                    assertThat(browser.find("#choices-saved").getText()).isEqualTo("Saved 1 change.");
                }),
                pages.check("preference link that does not work", () -> {
                    pages.open("/preferences/not-a-real-link");
                    assertThat(browser.find("h1").getText()).isEqualTo("This preference link does not work");
                }),
                pages.check("opt-out batches as a privacy officer", () -> {
                    batch.set(batches.cutWaiting().stream().filter(b -> b.purpose() == Purpose.SALE_SHARING)
                            .findFirst().orElseThrow());
                    pages.signIn("dpo", "dpo");
                    pages.open("/staff/opt-outs");
                    assertThat(browser.find("table").getText()).contains(batch.get().reference());
                }),
                pages.check("opt-out batch detail", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.linkText(batch.get().reference())).click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Batch " + batch.get().reference());
                    assertThat(browser.find("main").getText()).contains("The hash chain of this timeline is intact");
                }),
                pages.check("opt-out batch task", () -> {
                    await().atMost(Journey.PATIENCE).until(() -> {
                        pages.open("/staff");
                        return browser.find("main").getText().contains("in Mailing agency");
                    });
                    browser.andWaitForNextPage(() -> browser.driver().findElement(By.xpath(
                            "//tr[contains(., '" + batch.get().reference() + "')]//a[contains(., 'Mailing agency')]"))
                            .click());
                    assertThat(browser.find("main").getText()).contains("Download the email addresses (CSV)");
                }),
                pages.check("request metrics", () -> {
                    pages.open("/staff/records");
                    assertThat(browser.find("#metrics").getText()).contains("Requests to opt out of sale or sharing");
                }));
    }

    private static String preferenceLink(String email) {
        String body = await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(email).stream()
                .filter(m -> TestMailServer.subject(m).contains("Your privacy choices"))
                .map(TestMailServer::body).findFirst().orElse(null), found -> found != null);
        Matcher link = PREFERENCE_LINK.matcher(body);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

}
