package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.audit.Actors;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.Channel;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The requests list as a privacy officer works it in a real browser, with the keyboard where a keyboard user would
 * (the search sent with Enter, the page links reached with Tab), axe-core (WCAG 2 A/AA) on every state: the list,
 * a search by reference, by email typed in another case, by status, type and law, a crowd of 52 requests paged
 * forward and back and sorted, the empty result, SQL and HTML in the search fields (an empty result, the text echoed
 * as text, nothing changed), a search that cannot run, and a bulk extension whose result page lists the refused
 * request with the reason. The context is shared with other tests: every search is narrowed to this class's
 * addresses.
 */
@RightsflowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestsListAccessibilityIntegrationTest {

    private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    /** The crowd's address, as it was given; typed in capitals in the search. */
    private static final String CROWD = "crowd-" + TAG + "@example.com";
    private static final int CROWD_SIZE = 52;

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @Autowired
    RequestIntake intake;

    @Autowired
    RequestDirectory requests;

    @Autowired
    JdbcTemplate jdbc;

    private Journey gdpr;
    private Journey optOut;
    private final List<String> crowd = new ArrayList<>();
    private long requestsBefore;

    /** The crowd, received a minute apart (oldest first in this list), all GDPR access requests of one address. */
    private void submitCrowd() {
        Instant first = Instant.now().minus(CROWD_SIZE + 5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < CROWD_SIZE; i++) {
            crowd.add(intake.submit(new NewRequest(RequestType.ACCESS, Regime.GDPR,
                    new SubjectIdentity(CROWD, "Crowd Member", null), "", Channel.POST,
                    first.plus(i, ChronoUnit.MINUTES), Actors.SUBJECT, null)).request().reference());
        }
    }

    private void search(String field, String text) {
        clearSearch();
        browser.find("#" + field).sendKeys(text);
        browser.andWaitForNextPage(() -> browser.find("#" + field).sendKeys(Keys.ENTER));
    }

    /** Empties every text field of the form and puts every list back to its first choice. */
    private void clearSearch() {
        for (String field : List.of("reference", "email", "dueFrom", "dueTo")) {
            browser.find("#" + field).clear();
        }
        for (String list : List.of("status", "type", "law", "system", "assignee", "sort")) {
            new Select(browser.find("#" + list)).selectByIndex(0);
        }
        if (browser.find("#overdue").isSelected()) {
            browser.find("#overdue").click();
        }
    }

    private List<String> shownReferences() {
        return browser.driver().findElements(By.cssSelector("tbody tr td a[href^='/staff/requests/']")).stream()
                .map(WebElement::getText).toList();
    }

    private String caption() {
        return browser.find("caption").getText();
    }

    @TestFactory
    Stream<DynamicTest> aPrivacyOfficerSearchesPagesSortsAndActsOnTheList() {
        return Stream.of(
                pages.check("requests list", () -> {
                    gdpr = new Journey(port, "list-browser-gdpr");
                    gdpr.submit("ACCESS", "GDPR", "Everything you hold on me.");
                    gdpr.confirmFromEmail();
                    // The same person's opt-out under CCPA: a search by their address finds both.
                    optOut = new Journey(port, "list-browser-ccpa").withEmail(gdpr.email());
                    optOut.submit("OPT_OUT", "CCPA", "");
                    submitCrowd();
                    requestsBefore = jdbc.queryForObject("select count(*) from dsr_request", Long.class);
                    pages.signIn("dpo", "dpo");
                    browser.andWaitForNextPage(() -> browser.find("nav a[href='/staff/requests']").click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Requests");
                    assertThat(browser.find("caption").getText()).contains("request(s)");
                }),
                pages.check("list searched by reference", () -> {
                    search("reference", " " + gdpr.reference().toLowerCase() + " ");
                    assertThat(shownReferences()).containsExactly(gdpr.reference());
                    assertThat(caption()).isEqualTo("1 request(s)");
                    assertThat(browser.find("#reference").getAttribute("value")).isEqualTo(gdpr.reference().toLowerCase());
                }),
                pages.check("list searched by email typed in another case", () -> {
                    search("email", CROWD.toUpperCase());
                    assertThat(caption()).isEqualTo(CROWD_SIZE + " request(s); page 1 of 2");
                    assertThat(shownReferences()).hasSize(50).doesNotContain(gdpr.reference(), optOut.reference())
                            .as("most recent first").startsWith(crowd.get(CROWD_SIZE - 1), crowd.get(CROWD_SIZE - 2));
                    assertThat(browser.find("#email").getAttribute("value")).isEqualTo(CROWD.toUpperCase());
                }),
                pages.check("second page of the search, reached with the keyboard", () -> {
                    WebElement next = browser.find("nav.paging a[rel=next]");
                    browser.tabTo(next, 400);
                    browser.andWaitForNextPage(() -> browser.press(Keys.ENTER));
                    assertThat(caption()).isEqualTo(CROWD_SIZE + " request(s); page 2 of 2");
                    assertThat(shownReferences()).containsExactly(crowd.get(1), crowd.get(0));
                    assertThat(browser.find("nav.paging [aria-current=page]").getText()).isEqualTo("2");
                    assertThat(browser.find("#email").getAttribute("value")).as("the search kept, as typed")
                            .isEqualTo(CROWD.toUpperCase());
                }),
                pages.check("first page again, back with the keyboard", () -> {
                    WebElement previous = browser.find("nav.paging a[rel=prev]");
                    browser.tabTo(previous, 400);
                    browser.andWaitForNextPage(() -> browser.press(Keys.ENTER));
                    assertThat(caption()).isEqualTo(CROWD_SIZE + " request(s); page 1 of 2");
                    assertThat(shownReferences()).startsWith(crowd.get(CROWD_SIZE - 1));
                }),
                pages.check("search sorted oldest first", () -> {
                    new Select(browser.find("#sort")).selectByVisibleText("Oldest first");
                    browser.andWaitForNextPage(() -> browser.find("#email").sendKeys(Keys.ENTER));
                    assertThat(shownReferences()).hasSize(50).startsWith(crowd.get(0), crowd.get(1), crowd.get(2));
                    assertThat(new Select(browser.find("#sort")).getFirstSelectedOption().getText())
                            .isEqualTo("Oldest first");
                }),
                pages.check("list searched by status, type and law", () -> {
                    RequestDetails request = requests.get(gdpr.reference());
                    search("email", gdpr.email());
                    new Select(browser.find("#status")).selectByValue(request.status().name());
                    new Select(browser.find("#type")).selectByVisibleText("Access");
                    new Select(browser.find("#law")).selectByVisibleText("GDPR");
                    browser.andWaitForNextPage(() -> browser.find("#email").sendKeys(Keys.ENTER));
                    assertThat(shownReferences()).containsExactly(gdpr.reference());
                    assertThat(browser.find("tbody tr").getText()).contains("Access", "GDPR");
                }),
                pages.check("empty result", () -> {
                    new Select(browser.find("#law")).selectByVisibleText("CCPA/CPRA");
                    browser.andWaitForNextPage(() -> browser.find("#email").sendKeys(Keys.ENTER));
                    assertThat(browser.find("#no-requests").getText()).isEqualTo("No request matches the search.");
                    assertThat(browser.isPresent("tbody tr")).isFalse();
                    assertThat(browser.find("main a[href='/staff/requests']").getText()).isEqualTo("Show every request");
                }),
                pages.check("SQL in the reference field", () -> {
                    search("reference", "' or 1=1 --");
                    assertThat(browser.find("#no-requests").getText()).isEqualTo("No request matches the search.");
                    assertThat(browser.find("#reference").getAttribute("value")).isEqualTo("' or 1=1 --");
                }),
                pages.check("HTML in the reference field", () -> {
                    search("reference", "<script>alert(1)</script>");
                    assertThat(browser.find("#no-requests").getText()).isEqualTo("No request matches the search.");
                    assertThat(browser.find("#reference").getAttribute("value")).isEqualTo("<script>alert(1)</script>");
                    assertThat(browser.driver().findElements(By.cssSelector("main script"))).isEmpty();
                    // Nothing was changed by either: the same requests, the crowd still whole.
                    assertThat(jdbc.queryForObject("select count(*) from dsr_request", Long.class))
                            .isEqualTo(requestsBefore);
                    assertThat(requests.find(crowd.get(0))).isPresent();
                }),
                pages.check("search that cannot run", () -> {
                    pages.open("/staff/requests?email=" + CROWD + "&dueFrom=2026-13-45&status=OPEN");
                    assertThat(browser.find("#search-problems").getText()).contains("\"Due from\" is not a date",
                            "There is no status \"OPEN\"");
                    assertThat(browser.isPresent("tbody tr")).isFalse();
                }),
                pages.check("bulk extension result with a refused request", () -> {
                    RequestDetails before = requests.get(gdpr.reference());
                    pages.open("/staff/requests");
                    search("email", gdpr.email());
                    assertThat(shownReferences()).containsExactlyInAnyOrder(gdpr.reference(), optOut.reference());
                    // Ticked with the space bar, as a keyboard user does.
                    browser.find("#select-" + gdpr.reference()).sendKeys(Keys.SPACE);
                    browser.find("#select-" + optOut.reference()).sendKeys(Keys.SPACE);
                    new Select(browser.find("#bulk-action")).selectByValue("EXTEND");
                    browser.find("#bulk-reason").sendKeys("Your data sits in archives we must restore first.");
                    browser.andWaitForNextPage(() -> browser.find("#bulk button[type=submit]").click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Extend the period to answer");
                    assertThat(browser.find("#done").getText()).contains(gdpr.reference(),
                            "Extended to " + before.extendedDue());
                    assertThat(browser.find("#refused").getText()).contains(optOut.reference(),
                            "CCPA/CPRA gives no extension for this kind of request");
                    assertThat(requests.get(gdpr.reference()).due()).isEqualTo(before.extendedDue());
                    gdpr.awaitMail("We need more time for your request " + gdpr.reference());
                }));
    }
}
