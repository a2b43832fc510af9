package org.rightsflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.support.DisplayDates;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The customer's journey through the privacy center in a real browser, much of it with the keyboard alone. */
@RightsflowIntegrationTest
class PortalBrowserIntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    DisplayDates dates;

    String base;

    @BeforeEach
    void base() {
        base = "http://localhost:" + port;
    }

    @Test
    void aCustomerAsksForTheirDataWithTheKeyboardAndFollowsTheRequest() {
        String email = "kim-" + UUID.randomUUID() + "@example.com";
        browser.open(base + "/");
        assertThat(browser.find("h1").getText()).isEqualTo("Your privacy rights");

        // The first Tab reaches the skip link; Enter on it moves focus past the header into the main content.
        browser.press(Keys.TAB);
        assertThat(browser.focused().getText()).isEqualTo("Skip to main content");
        browser.press(Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("main");

        // Tab to the request types, Space chooses one.
        WebElement access = browser.find("input[name=type][value=ACCESS]");
        browser.tabTo(access, 20);
        browser.press(Keys.SPACE);
        assertThat(access.isSelected()).as("ACCESS chosen with Space").isTrue();

        // Tab leaves the radio group for the place; typing its first letters chooses it, as in any select.
        browser.press(Keys.TAB);
        assertThat(browser.focused()).isEqualTo(browser.find("#regime"));
        browser.press("Euro");
        assertThat(new Select(browser.find("#regime")).getFirstSelectedOption().getText())
                .isEqualTo("European Union / EEA (GDPR)");

        browser.press(Keys.TAB);
        assertThat(browser.focused()).isEqualTo(browser.find("#name"));
        browser.press("Kim Keyboard");
        browser.press(Keys.TAB);
        assertThat(browser.focused()).isEqualTo(browser.find("#email"));
        browser.press(email);

        // Enter in a field submits the form.
        browser.andWaitForNextPage(() -> browser.press(Keys.ENTER));

        assertThat(browser.currentUrl()).endsWith("/requests/submitted");
        assertThat(browser.find("h1").getText()).isEqualTo("We received your request");
        List<WebElement> facts = browser.driver().findElements(By.cssSelector(".panel strong"));
        String reference = facts.get(0).getText();
        assertThat(reference).matches("DSR-\\d{4}-\\d{6}");
        RequestDetails stored = requests.get(reference);
        assertThat(stored.subject().email()).isEqualTo(email);
        assertThat(stored.subject().name()).isEqualTo("Kim Keyboard");
        assertThat(facts.get(1).getText()).as("the due date, as the statutory clock set it")
                .isEqualTo(dates.longDate(stored.due()));
        assertThat(browser.find(".panel").getText()).contains("as GDPR requires");

        WebElement statusLink = browser.driver().findElement(By.linkText("see the status of my request"));
        browser.andWaitForNextPage(statusLink::click);

        assertThat(browser.currentUrl()).contains("/status/");
        assertThat(browser.find("h1").getText()).isEqualTo("Your request " + reference);
        assertThat(browser.find("#request-status").getText())
                .isIn("Received", "Waiting for you to confirm it is you", "In progress");
        assertThat(browser.find("dl.facts").getText()).contains("See my data", "GDPR", dates.longDate(stored.due()));
    }

    @Test
    void anEmptyFormIsAnsweredWithAnErrorSummaryWhoseLinksLeadToTheFields() {
        browser.open(base + "/");
        WebElement send = browser.find("form.stacked button[type=submit]");
        browser.tabTo(send, 40);
        browser.andWaitForNextPage(() -> browser.press(Keys.ENTER));

        WebElement summary = browser.find(".error-summary");
        assertThat(summary.isDisplayed()).isTrue();
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(browser.focused()).as("keyboard focus moves to what must be corrected").isEqualTo(summary);
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("Please correct the following");
        List<WebElement> links = summary.findElements(By.tagName("a"));
        assertThat(links).extracting(WebElement::getText).containsExactlyInAnyOrder(
                "Choose what you would like us to do", "Choose where you live", "Enter your name",
                "Enter your email address");

        // Each field says what is wrong with it, next to it, and is described by that message.
        assertThat(browser.find("#type-error").getText()).isEqualTo("Choose what you would like us to do");
        assertThat(browser.find("#regime-error").getText()).isEqualTo("Choose where you live");
        assertThat(browser.find("#name-error").getText()).isEqualTo("Enter your name");
        assertThat(browser.find("#email-error").getText()).isEqualTo("Enter your email address");
        assertThat(browser.find("fieldset").getAttribute("aria-describedby")).isEqualTo("type-error");
        assertThat(browser.find("#regime").getAttribute("aria-describedby")).contains("regime-error");
        assertThat(browser.find("#name").getAttribute("aria-describedby")).contains("name-error");
        assertThat(browser.find("#email").getAttribute("aria-describedby")).contains("email-error");

        // Every link in the summary points at a form field of this page...
        for (WebElement link : links) {
            String target = link.getDomProperty("hash").substring(1);
            assertThat(browser.find("#" + target).getTagName()).as("target of \"%s\"", link.getText())
                    .isIn("input", "select", "textarea");
        }

        // ...and following one with the keyboard puts the cursor in that field.
        WebElement nameLink = summary.findElement(By.linkText("Enter your name"));
        browser.tabTo(nameLink, 30);
        browser.press(Keys.ENTER);
        browser.waitUntil(ExpectedConditions.urlContains("#name"));
        assertThat(browser.focused()).isEqualTo(browser.find("#name"));
        browser.press("Kim");
        assertThat(browser.find("#name").getDomProperty("value")).isEqualTo("Kim");
    }
}
