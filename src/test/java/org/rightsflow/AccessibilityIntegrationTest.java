package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.testsupport.Axe;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (WCAG 2.0/2.1, A and AA) on every page a customer or a staff member reaches, in a real browser, each
 * page in the state a user sees it: the form with its errors, the inbox with tasks in it, the calculator with a
 * result. Each page is one test, so a report names every page that fails and how. The pages of an access package's
 * review, which this configuration skips, are checked in {@link PackageReviewAccessibilityIntegrationTest}.
 */
@RightsflowIntegrationTest
class AccessibilityIntegrationTest {

    private static final Pattern VERIFY_PATH = Pattern.compile("/verify/[A-Za-z0-9_-]+");
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    /**
     * A generated customer of the demo shop whose access package the customer pages below download; no other test
     * uses it (the tests share one mail server, and find their emails by address).
     */
    static final int PACKAGE_CUSTOMER_ID = 21;

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Test
    void axeRunsInPagesWhoseContentSecurityPolicyForbidsInlineScript() {
        pages.open("/");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        // The page's own policy is in force: an inline script added to it does not run, and the browser reports
        // the refusal (asynchronously, as a securitypolicyviolation event)...
        Object ran = js.executeScript("""
                window.refusedBy = [];
                document.addEventListener('securitypolicyviolation', e => window.refusedBy.push(e.effectiveDirective));
                const script = document.createElement('script');
                script.textContent = 'window.inlineScriptRan = true';
                document.head.appendChild(script);
                return window.inlineScriptRan === true;""");
        assertThat(ran).as("an inline script under script-src 'self' ran").isEqualTo(false);
        Object refusedBy = browser.waitUntil(
                d -> ((JavascriptExecutor) d).executeScript("return window.refusedBy.length ? window.refusedBy : null"));
        assertThat(refusedBy).isEqualTo(List.of("script-src-elem"));
        // ...while axe-core, injected through WebDriver, is there and finds a deliberate violation.
        js.executeScript("const img = document.createElement('img');"
                + "img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAACADs=';"
                + "document.querySelector('main').appendChild(img);");
        List<Axe.Violation> violations = Axe.load().violations(browser.driver());
        assertThat(violations).extracting(Axe.Violation::id).contains("image-alt");
        assertThat(violations).filteredOn(v -> v.id().equals("image-alt")).singleElement()
                .satisfies(v -> assertThat(v.nodes()).extracting(Axe.Node::target).containsExactly("img"));
    }

    @TestFactory
    Stream<DynamicTest> customerPages() {
        String email = "axe-" + UUID.randomUUID() + "@example.com";
        AtomicReference<String> verifyPath = new AtomicReference<>();
        return Stream.of(
                pages.check("landing page", () -> {
                    pages.open("/");
                    assertThat(browser.find("h1").getText()).isEqualTo("Your privacy rights");
                }),
                pages.check("landing page with validation errors", () -> {
                    pages.open("/");
                    browser.andWaitForNextPage(() -> browser.find("form.stacked button[type=submit]").click());
                    assertThat(browser.find(".error-summary").getText()).contains("Enter your email address");
                }),
                pages.check("landing page with correction errors", () -> {
                    // A correction that does not say what is wrong: the error is on the correction lines.
                    pages.open("/");
                    browser.find("input[name=type][value=CORRECTION]").click();
                    new Select(browser.find("#regime")).selectByValue("GDPR");
                    browser.find("#name").sendKeys("Corey Correction");
                    browser.find("#email").sendKeys("axe-correction-" + UUID.randomUUID() + "@example.com");
                    browser.andWaitForNextPage(() -> browser.find("form.stacked button[type=submit]").click());
                    assertThat(browser.find(".error-summary").getText())
                            .contains("Say which data is wrong and what it should be");
                    assertThat(browser.find("#corrections").getText())
                            .contains("Say which data is wrong and what it should be");
                }),
                pages.check("submission confirmation", () -> {
                    pages.open("/");
                    browser.find("input[name=type][value=ACCESS]").click();
                    new Select(browser.find("#regime")).selectByValue("GDPR");
                    browser.find("#name").sendKeys("Alex Axe");
                    browser.find("#email").sendKeys(email);
                    browser.andWaitForNextPage(() -> browser.find("form.stacked button[type=submit]").click());
                    assertThat(browser.find(".panel").getText()).containsPattern("DSR-\\d{4}-[0-9A-HJKMNP-TV-Z]{10}");
                }),
                pages.check("status page", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.linkText("see the status of my request")).click());
                    assertThat(browser.find("#request-status").getText()).isNotBlank();
                }),
                pages.check("verification page", () -> {
                    verifyPath.set(verificationPath(email));
                    pages.open(verifyPath.get());
                    assertThat(browser.find("h1").getText()).isEqualTo("Confirm your request");
                }),
                pages.check("verified page", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Confirm my request']")).click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Thank you, your request is confirmed");
                }),
                pages.check("link-problem page (link used)", () -> {
                    pages.open(verifyPath.get());
                    assertThat(browser.find("h1").getText()).isEqualTo("This link has already been used");
                }),
                pages.check("link-problem page (unknown link)", () -> {
                    pages.open("/verify/" + "x".repeat(43));
                    assertThat(browser.find("h1").getText()).isEqualTo("We do not recognise this link");
                }),
                pages.check("404 page", () -> {
                    pages.open("/requests/no-such-page");
                    assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
                }));
    }

    /**
     * The status page of an access request whose package is ready (review before release is off in the shared test
     * configuration), through the emailed code to the download and the used link.
     */
    @TestFactory
    Stream<DynamicTest> accessPackagePages() {
        AtomicReference<String> email = new AtomicReference<>();
        AtomicReference<String> reference = new AtomicReference<>();
        AtomicReference<String> downloadUrl = new AtomicReference<>();
        return Stream.of(
                pages.check("status page with a ready package", () -> {
                    email.set(ShopDatabase.of(systems).emailOf(PACKAGE_CUSTOMER_ID));
                    reference.set(answeredAccessRequest(email.get()));
                    String answer = mailBody(email.get(), "Our answer to your request " + reference.get());
                    pages.open(Journey.linkPath(answer, "status"));
                    assertThat(browser.find("#your-data").getText()).contains("Your copy of your data is ready");
                }),
                pages.check("status page after a download code was sent", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Email me a download code']")).click());
                    assertThat(browser.find("#your-data [role=status]").getText())
                            .contains("We emailed you a download code");
                }),
                pages.check("status page with a wrong download code", () -> {
                    // Five digits: never the code, which has six.
                    browser.find("#code").sendKeys("12345");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Download my data']")).click());
                    assertThat(browser.find("#your-data .error-summary").getText())
                            .contains("That code is not right");
                }),
                pages.check("download page", () -> {
                    browser.find("#code").sendKeys(downloadCode(email.get(), reference.get()));
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Download my data']")).click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Your download is ready");
                    downloadUrl.set(browser.find("#download-link").getDomProperty("href"));
                }),
                pages.check("link-problem page (download link used)", () -> {
                    browser.find("#download-link").click();
                    browser.awaitDownload(reference.get() + "-your-data.zip");
                    browser.open(downloadUrl.get());
                    assertThat(browser.find("h1").getText()).isEqualTo("This download link no longer works");
                }));
    }

    /** A privacy officer's review of a correction claim, as it comes and with the errors of an empty answer. */
    @TestFactory
    Stream<DynamicTest> correctionReviewPages() {
        return Stream.of(
                pages.check("correction claim review task page", () -> {
                    String reference = verifiedCorrection();
                    pages.signIn("dpo", "dpo");
                    WebElement row = browser.driver().findElement(By.xpath("//tr[td/a[normalize-space()='"
                            + reference + "'] and contains(., 'Review the correction claim')]"));
                    browser.andWaitForNextPage(() -> row.findElement(By.cssSelector("td:nth-child(2) a")).click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Review the correction claim");
                    assertThat(browser.find("main").getText()).contains("Last name: “Axe-Checked”");
                }),
                pages.check("correction claim review with validation errors", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Record the review']")).click());
                    assertThat(browser.find(".error-summary").getText()).contains("Please correct the following");
                }));
    }

    @TestFactory
    Stream<DynamicTest> staffPages() {
        AtomicReference<String> reference = new AtomicReference<>();
        return Stream.of(
                pages.check("staff login", () -> {
                    pages.open("/login");
                    assertThat(browser.find("h1").getText()).isEqualTo("Staff sign in");
                }),
                pages.check("staff login with a wrong password", () -> {
                    pages.signIn("owner", "not-the-password");
                    assertThat(browser.find("[role=alert]").getText()).contains("do not match");
                }),
                pages.check("inbox of a system owner, with tasks", () -> {
                    reference.set(verifiedRequestWithTasks());
                    pages.signIn("owner", "owner");
                    assertThat(browser.find("h1").getText()).isEqualTo("Inbox");
                    assertThat(browser.find("table").getText()).contains(reference.get());
                }),
                pages.check("task page", () -> {
                    WebElement row = browser.driver().findElement(By.xpath(
                            "//tr[td/a[normalize-space()='" + reference.get() + "']]"));
                    browser.andWaitForNextPage(() -> row.findElement(By.cssSelector("td:nth-child(2) a")).click());
                    assertThat(browser.find("h2").getText()).isEqualTo("Instructions");
                }),
                pages.check("task page after claiming it", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Claim this task']")).click());
                    assertThat(browser.find("[role=status]").getText()).isEqualTo("The task is yours.");
                }),
                pages.check("task page with validation errors", () -> {
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Complete task']")).click());
                    assertThat(browser.isPresent(".error-summary")).isTrue();
                }),
                pages.check("request detail as a system owner", () -> {
                    pages.open("/staff/requests/" + reference.get());
                    assertThat(browser.find("h1").getText()).isEqualTo("Request " + reference.get());
                    assertThat(browser.find("#owner-view").getText()).contains("What your systems need");
                    assertThat(browser.find("main").getText()).contains("Your tasks", "Results of your systems",
                            "Steps in your systems").doesNotContain("Timeline", "Results per system");
                }),
                pages.check("request detail as a privacy officer", () -> {
                    signOut();
                    pages.signIn("dpo", "dpo");
                    pages.open("/staff/requests/" + reference.get());
                    assertThat(browser.find("h1").getText()).isEqualTo("Request " + reference.get());
                    assertThat(browser.find("main").getText()).contains("Open tasks", "Results per system",
                            "Steps in each system", "The hash chain of this timeline is intact");
                }),
                pages.check("request list", () -> {
                    pages.open("/staff/requests");
                    assertThat(browser.find("table").getText()).contains(reference.get());
                }),
                pages.check("systems page", () -> {
                    pages.open("/staff/systems");
                    assertThat(browser.find("table").getText()).contains("Shop customer database");
                }),
                pages.check("deadline calculator with a result", () -> {
                    pages.open("/staff/deadlines");
                    new Select(browser.find("#regime")).selectByValue("GDPR");
                    new Select(browser.find("#type")).selectByValue("DELETION");
                    browser.andWaitForNextPage(() -> browser.find("#received").sendKeys(Keys.ENTER));
                    assertThat(browser.find("#due").getText()).isNotBlank();
                }),
                pages.check("access-denied page", () -> {
                    pages.open("/not-for-staff");
                    assertThat(browser.find("h1").getText()).isEqualTo("You are not allowed to see this page");
                }),
                pages.check("request not found", () -> {
                    pages.open("/staff/requests/DSR-1999-000000");
                    assertThat(browser.find("h1").getText()).isEqualTo("Request not found");
                }),
                pages.check("system page with a connection test", () -> {
                    pages.open("/staff/systems");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.linkText("Shop customer database")).click());
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Test the connection']")).click());
                    assertThat(browser.find("[role=status]").getText()).contains("Connection works.");
                }),
                pages.check("incidents page", () -> {
                    pages.open("/staff/incidents");
                    assertThat(browser.find("h1").getText()).isEqualTo("Incidents");
                }),
                pages.check("records retention", () -> {
                    pages.open("/staff/retention");
                    assertThat(browser.find("h1").getText()).isEqualTo("Records retention");
                    assertThat(browser.find("main").getText()).contains("CCPA/CPRA", "24 months");
                }),
                pages.check("erasure approval with its dry run", () -> {
                    reference.set(verifiedDeletionOf("ada.lovelace@example.com"));
                    signOut();
                    pages.signIn("owner", "owner");
                    WebElement row = browser.driver().findElement(By.xpath("//tr[td/a[normalize-space()='"
                            + reference.get() + "'] and contains(., 'Approve erasure')]"));
                    browser.andWaitForNextPage(() -> row.findElement(By.cssSelector("td:nth-child(2) a")).click());
                    assertThat(browser.find("h2").getText()).isEqualTo("Instructions");
                    assertThat(browser.find("table").getText()).contains("customers");
                }),
                pages.check("processor's confirmation page", () -> {
                    pages.open(processorConfirmationPath(reference.get(), "ada.lovelace@example.com"));
                    assertThat(browser.find("h1").getText()).isEqualTo("Tell us whether the request was carried out");
                }),
                pages.check("processor's \"we cannot\" without its reason", () -> {
                    browser.find("#outcome-NOT_DONE").click();
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Send our answer']")).click());
                    assertThat(browser.find("#note-error").getText()).startsWith("Say why you cannot carry it out");
                    assertThat(browser.find("#outcome-NOT_DONE").isSelected()).as("the choice is kept").isTrue();
                }),
                pages.check("processor's answer recorded", () -> {
                    browser.find("#note").sendKeys("We must keep the invoices for 10 years under tax law.");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Send our answer']")).click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Thank you, your answer is recorded");
                }),
                pages.check("system editor (admin)", () -> {
                    pages.open("/staff");
                    signOut();
                    pages.signIn("admin", "admin");
                    pages.open("/staff/systems/new");
                    assertThat(browser.find("h1").getText()).isEqualTo("Add a system");
                }),
                pages.check("system editor with a mistake (admin)", () -> {
                    browser.find("#yaml").clear();
                    browser.find("#yaml").sendKeys("key: Not A Key");
                    browser.andWaitForNextPage(() -> browser.driver()
                            .findElement(By.xpath("//button[normalize-space()='Save']")).click());
                    assertThat(browser.find("[role=alert]").getText()).contains("key");
                }),
                pages.check("import of definitions (admin)", () -> {
                    pages.open("/staff/systems/import");
                    assertThat(browser.find("h1").getText()).isEqualTo("Import system definitions");
                }));
    }

    /** A deletion for a demo shop customer, confirmed over plain HTTP; returns its reference once its tasks exist. */
    private String verifiedDeletionOf(String email) {
        WebSession customer = new WebSession(port);
        WebSession.Page form = customer.get("/");
        WebSession.Page submitted = customer.post("/requests", form, Map.of("type", "DELETION", "regime", "GDPR",
                "name", "Ada Lovelace", "email", email));
        String deletion = submitted.text(".panel strong");
        WebSession.Page verify = customer.get(verificationPath(email));
        customer.post(verify.uri(), verify, Map.of());
        WebSession owner = new WebSession(port).login("owner", "owner");
        await().atMost(MAIL_WAIT).until(() -> owner.get("/staff").mainText().contains("Approve erasure in Shop"));
        return deletion;
    }

    private static String processorConfirmationPath(String reference, String subjectEmail) {
        MimeMessage mail = await().atMost(MAIL_WAIT).until(
                () -> TestMailServer.messagesTo("privacy@mailing-agency.example").stream()
                        .filter(m -> TestMailServer.subject(m).contains(reference))
                        .filter(m -> TestMailServer.body(m).contains("<" + subjectEmail + ">")).findFirst().orElse(null),
                m -> m != null);
        Matcher link = Pattern.compile("/processors/confirm/[A-Za-z0-9_-]+").matcher(TestMailServer.body(mail));
        assertThat(link.find()).as("a confirmation link in the processor's email").isTrue();
        return link.group();
    }

    private void signOut() {
        browser.andWaitForNextPage(() -> browser.driver()
                .findElement(By.xpath("//button[starts-with(normalize-space(), 'Sign out')]")).click());
    }

    /** The path of the confirmation link in the verification email to {@code email}, once it has arrived. */
    private static String verificationPath(String email) {
        MimeMessage mail = await().atMost(MAIL_WAIT).until(
                () -> TestMailServer.messagesTo(email).stream()
                        .filter(m -> TestMailServer.subject(m).startsWith("Please confirm your request"))
                        .findFirst().orElse(null),
                m -> m != null);
        Matcher link = VERIFY_PATH.matcher(TestMailServer.body(mail));
        assertThat(link.find()).as("a confirmation link in the email").isTrue();
        return link.group();
    }

    /**
     * An access request submitted and confirmed over plain HTTP (the pages themselves are checked above), then
     * waited for until its fulfilment tasks are in the system owner's inbox. Returns its reference.
     */
    private String verifiedRequestWithTasks() {
        String email = "staff-axe-" + UUID.randomUUID() + "@example.com";
        WebSession customer = new WebSession(port);
        WebSession.Page form = customer.get("/");
        WebSession.Page submitted = customer.post("/requests", form, Map.of("type", "ACCESS", "regime", "GDPR",
                "name", "Sam Staffcheck", "email", email));
        String reference = submitted.text(".panel strong");
        assertThat(reference).matches("DSR-\\d{4}-[0-9A-HJKMNP-TV-Z]{10}");
        WebSession.Page verify = customer.get(verificationPath(email));
        assertThat(customer.post(verify.uri(), verify, Map.of()).text("h1"))
                .isEqualTo("Thank you, your request is confirmed");
        WebSession owner = new WebSession(port).login("owner", "owner");
        await().atMost(MAIL_WAIT).until(() -> owner.get("/staff").mainText().contains(reference));
        return reference;
    }


    /**
     * An access request by {@code email}, submitted and confirmed over plain HTTP, its support-desk task done and the
     * mailing agency's confirmation given; returns its reference once the answer has been emailed.
     */
    private String answeredAccessRequest(String email) {
        Journey journey = new Journey(port, "unused").withEmail(email);
        journey.submit("ACCESS", "GDPR", "");
        journey.confirmFromEmail();
        journey.completeTasksAs("owner", "owner", 1, "DONE", "Nothing found.");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Not a subscriber.");
        journey.awaitMail("Our answer to your request " + journey.reference());
        return journey.reference();
    }

    /** A correction claim submitted and confirmed over plain HTTP; returns its reference once it waits for review. */
    private String verifiedCorrection() {
        Journey journey = new Journey(port, "axe-claim");
        journey.submit("CORRECTION", "GDPR", "My surname is spelt wrongly.",
                Map.of("corrections[0].field", "last_name", "corrections[0].value", "Axe-Checked"));
        journey.confirmFromEmail();
        WebSession officer = new WebSession(port).login("dpo", "dpo");
        await().atMost(MAIL_WAIT).until(() -> officer.inboxTaskLink(journey.reference(), "Review the correction claim"),
                link -> link != null);
        return journey.reference();
    }

    /** The body of the first email to {@code email} whose subject contains the text, once it has arrived. */
    private static String mailBody(String email, String subjectContains) {
        MimeMessage mail = await().atMost(MAIL_WAIT).until(() -> TestMailServer.messagesTo(email).stream()
                        .filter(m -> TestMailServer.subject(m).contains(subjectContains)).findFirst().orElse(null),
                m -> m != null);
        return TestMailServer.body(mail);
    }

    /** The six-digit code in the download-code email for the request. */
    private static String downloadCode(String email, String reference) {
        Matcher code = CODE_LINE.matcher(mailBody(email, "Your download code for request " + reference));
        assertThat(code.find()).as("a six-digit code in the email").isTrue();
        return code.group(1);
    }
}
