package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (WCAG 2.0/2.1, A and AA), as in {@link AccessibilityIntegrationTest}, on the pages of deadline operations:
 * a privacy officer's request page with the extension, pause and refusal forms and their errors, the subject's status
 * page with a question to answer and with an appeal to make, and the task page of the appeal's decision.
 */
@RightsflowIntegrationTest
class DeadlineOperationsAccessibilityIntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> deadlinePages() {
        AtomicReference<Journey> journey = new AtomicReference<>();
        return Stream.of(
                pages.check("request page with the extension and pause forms", () -> {
                    Journey uk = new Journey(port, "axe-pause");
                    uk.submit("ACCESS", "UK_GDPR", "Everything, please.");
                    uk.confirmFromEmail();
                    journey.set(uk);
                    pages.signIn("dpo", "dpo");
                    pages.open("/staff/requests/" + uk.reference());
                    assertThat(browser.find("#deadline").getText()).isEqualTo("Deadline");
                    assertThat(browser.find("label[for=question]").getText()).startsWith("Ask the subject");
                }),
                pages.check("request page with an extension error", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Extend the deadline']")).click());
                    assertThat(browser.find("#extension-error").getText()).contains("Give the reason");
                }),
                pages.check("request page with the clock paused", () -> {
                    browser.find("#question").sendKeys("Which of your two accounts do you mean?");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Ask and pause the clock']")).click());
                    assertThat(browser.find("#clock-paused").getText()).contains("Clock paused since");
                }),
                pages.check("status page with a question to answer", () -> {
                    pages.open(journey.get().statusPath());
                    assertThat(browser.find("#messages").getText()).contains("Which of your two accounts");
                }),
                pages.check("status page with an empty answer refused", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Send my answer']")).click());
                    assertThat(browser.find("#messages").getText()).contains("Write your answer.");
                }),
                pages.check("status page after answering", () -> {
                    browser.find("#answer").sendKeys("The newer one.");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Send my answer']")).sendKeys(Keys.ENTER));
                    assertThat(browser.find("#messages").getText()).contains("we received your answer");
                }),
                pages.check("request page with a refusal error", () -> {
                    Journey virginia = new Journey(port, "axe-appeal");
                    virginia.submit("ACCESS", "VCDPA", "");
                    virginia.confirmFromEmail();
                    journey.set(virginia);
                    pages.open("/staff/requests/" + virginia.reference());
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Refuse the request']")).click());
                    assertThat(browser.find("#refusal-error").getText()).contains("Choose the ground");
                }),
                pages.check("request page of a refused request", () -> {
                    new Select(browser.find("#ground")).selectByValue("LEGAL_EXCEPTION");
                    browser.find("#reasons").sendKeys("The records are under legal privilege.");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Refuse the request']")).click());
                    assertThat(browser.find("#request-status").getText()).isEqualTo("Refused");
                }),
                pages.check("status page offering an appeal", () -> {
                    pages.open(journey.get().statusPath());
                    assertThat(browser.find("#appeal").getText()).contains("Appeal this decision");
                }),
                pages.check("status page with an empty appeal refused", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Appeal this decision']")).click());
                    assertThat(browser.find("#appeal").getText()).contains("Say why you disagree");
                }),
                pages.check("status page after appealing", () -> {
                    browser.find("#statement").sendKeys("Only part of it is privileged.");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Appeal this decision']")).click());
                    assertThat(browser.find("#appeal").getText()).contains("We received your appeal");
                }),
                pages.check("appeal task page", () -> {
                    pages.signIn("admin", "admin");
                    String link = await().atMost(Journey.PATIENCE).until(() -> {
                        pages.open("/staff");
                        return browser.driver().findElements(By.xpath("//tr[contains(., '"
                                + journey.get().reference() + "')]//a[normalize-space()='Decide the appeal']")).stream()
                                .map(a -> a.getAttribute("href")).findFirst().orElse(null);
                    }, found -> found != null);
                    browser.open(link);
                    assertThat(browser.find("#appeal-statement").getText()).contains("Only part of it");
                }));
    }

}
