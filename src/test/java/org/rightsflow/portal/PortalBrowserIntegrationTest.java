package org.rightsflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.support.DisplayDates;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The customer's journey through the privacy center in a real browser, much of it with the keyboard alone. */
@RightsflowIntegrationTest
class PortalBrowserIntegrationTest {

    /**
     * A generated customer of the demo shop no other test uses: the tests share one mail server, and the journey
     * finds its emails by address.
     */
    static final int DOWNLOADING_CUSTOMER_ID = 20;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    RequestDirectory requests;

    @Autowired
    DisplayDates dates;

    @Autowired
    SystemRegistry systems;

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

        // Tab leaves the radio group for the place finder: typing narrows the list and says how many places are left.
        browser.press(Keys.TAB);
        assertThat(browser.focused()).isEqualTo(browser.find("#regime-find"));
        browser.press("euro");
        assertThat(browser.find("#regime-find-status").getText()).isEqualTo("1 place matches");
        assertThat(new Select(browser.find("#regime")).getOptions()).hasSize(2);
        // Enter does not send the form from the finder: it moves on to the list, where typing chooses, as in any select.
        browser.press(Keys.ENTER);
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
        assertThat(reference).matches("DSR-\\d{4}-[0-9A-HJKMNP-TV-Z]{10}");
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

    @Test
    void aCustomerSubmitsAnAccessRequestVerifiesAndDownloadsThePackage() throws Exception {
        Map<String, String> customer = ShopDatabase.of(systems).rowsOf("customers", DOWNLOADING_CUSTOMER_ID).get(0);
        String email = customer.get("email");
        String name = customer.get("first_name") + " " + customer.get("last_name");

        // The customer asks for their data in the privacy center...
        browser.open(base + "/");
        browser.find("input[name=type][value=ACCESS]").click();
        new Select(browser.find("#regime")).selectByValue("GDPR");
        browser.find("#name").sendKeys(name);
        browser.find("#email").sendKeys(email);
        browser.andWaitForNextPage(() -> browser.find("form.stacked button[type=submit]").click());
        assertThat(browser.find("h1").getText()).isEqualTo("We received your request");
        String reference = browser.find(".panel strong").getText();
        assertThat(reference).matches("DSR-\\d{4}-[0-9A-HJKMNP-TV-Z]{10}");
        Journey journey = new Journey(port, "unused").withEmail(email).following(reference);

        // ...and confirms it from the link in the email, in the same browser.
        browser.open(base + Journey.linkPath(journey.awaitMail("Please confirm your request " + reference), "verify"));
        assertThat(browser.find("h1").getText()).isEqualTo("Confirm your request");
        assertThat(browser.find("main").getText()).contains(reference);
        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.xpath("//button[normalize-space()='Confirm my request']")).click());
        assertThat(browser.find("h1").getText()).isEqualTo("Thank you, your request is confirmed");

        // Staff do their part outside the browser: the support desk's owner and the mailing agency.
        WebSession owner = new WebSession(port).login("owner", "owner");
        String deskTask = await().atMost(Journey.PATIENCE).until(() -> owner.inboxTaskLink(reference, "Support desk"),
                found -> found != null);
        WebSession.Page desk = owner.get(deskTask);
        assertThat(owner.post(deskTask + "/complete", desk, Map.of("outcome", "DONE",
                "comment", "No tickets from this customer.")).mainText()).contains("Done:");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Not a subscriber.");

        // The answer says the data is ready and where to fetch it.
        String answer = journey.awaitMail("Our answer to your request " + reference);
        assertThat(answer).contains("Your copy of your data is ready");
        browser.open(base + Journey.linkPath(answer, "status"));
        assertThat(browser.find("h1").getText()).isEqualTo("Your request " + reference);
        String ready = browser.find("#your-data").getText();
        Matcher files = Pattern.compile("Your copy of your data is ready: (\\d+) files").matcher(ready);
        assertThat(files.find()).as("the package described on the status page: %s", ready).isTrue();

        // A one-time code, by email, opens the download.
        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.xpath("//button[normalize-space()='Email me a download code']")).click());
        assertThat(browser.find("#your-data [role=status]").getText()).contains("We emailed you a download code");
        String code = await().atMost(Journey.PATIENCE).until(journey::downloadCodes, codes -> !codes.isEmpty()).get(0);
        browser.find("#code").sendKeys(code);
        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.xpath("//button[normalize-space()='Download my data']")).click());
        assertThat(browser.find("h1").getText()).isEqualTo("Your download is ready");

        String fingerprint = browser.driver().findElement(By.xpath("//p[contains(., 'Fingerprint')]/code")).getText();
        WebElement link = browser.find("#download-link");
        String downloadUrl = link.getDomProperty("href");
        link.click();
        Path zip = browser.awaitDownload(reference + "-your-data.zip");

        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip))))
                .as("the fingerprint the download page shows").isEqualTo(fingerprint);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(file.entries())).extracting(ZipEntry::getName)
                    .contains("summary.html", "data/shop-db.json")
                    .as("as many files as the status page said").hasSize(Integer.parseInt(files.group(1)));
            assertThat(read(file, "summary.html")).contains(reference);
            assertThat(read(file, "data/shop-db.json")).contains(email);
        }

        // The link worked once; the request's page, linked from there, tells of the download.
        browser.open(downloadUrl);
        assertThat(browser.find("h1").getText()).isEqualTo("This download link no longer works");
        assertThat(browser.downloadedFiles()).extracting(path -> path.getFileName().toString())
                .filteredOn(fileName -> fileName.startsWith(reference)).containsExactly(reference + "-your-data.zip");
        browser.andWaitForNextPage(() -> browser.driver().findElement(By.linkText("your request page")).click());
        assertThat(browser.find("ol.timeline").getText())
                .contains("We emailed you a code to download your data.", "Your data was downloaded.");
    }


    private static String read(ZipFile zip, String entry) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
