package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.support.Languages;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;

/**
 * The privacy center walked in Chromium in every language: the request form (with its errors), the confirmation,
 * the status page, the verification page, the opt-out form and the preference center, each page in the chosen
 * language ({@code lang} on the page, headings that are not the English ones) and free of axe-core violations.
 */
@RightsflowIntegrationTest
class LanguagesBrowserIntegrationTest {

    private static final Pattern VERIFY_PATH = Pattern.compile("/verify/[A-Za-z0-9_-]+");

    /** What the pages' headings read in English, which a page in another language must not show. */
    private static final Map<String, String> ENGLISH_HEADINGS = Map.of(
            "/", "Your privacy rights",
            "/do-not-sell-or-share", "Do Not Sell or Share My Personal Information",
            "/preferences", "Your privacy choices");

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @TestFactory
    Stream<DynamicTest> everyPublicPageInEveryLanguage() {
        return Languages.SUPPORTED.stream().flatMap(language -> walk(language.toLanguageTag()));
    }

    private Stream<DynamicTest> walk(String tag) {
        String email = "walk-" + tag + "-" + UUID.randomUUID() + "@example.com";
        AtomicReference<String> reference = new AtomicReference<>();
        return Stream.of(
                pages.check(tag + " landing page", () -> {
                    pages.open("/?lang=" + tag);
                    assertInLanguage(tag, "/");
                }),
                pages.check(tag + " landing page with validation errors", () -> {
                    browser.andWaitForNextPage(() -> browser.find("form.stacked button[type=submit]").click());
                    assertThat(browser.find(".error-summary").getText()).isNotBlank();
                    assertThat(browser.find("html").getAttribute("lang")).isEqualTo(tag);
                }),
                pages.check(tag + " submission confirmation", () -> {
                    pages.open("/");
                    browser.find("input[name=type][value=ACCESS]").click();
                    new Select(browser.find("#regime")).selectByValue("GDPR");
                    browser.find("#name").sendKeys("Alex Walker");
                    browser.find("#email").sendKeys(email);
                    browser.andWaitForNextPage(() -> browser.find("form.stacked button[type=submit]").click());
                    Matcher found = Pattern.compile("DSR-\\d{4}-[0-9A-HJKMNP-TV-Z]{10}")
                            .matcher(browser.find(".panel").getText());
                    assertThat(found.find()).as("a reference on the confirmation").isTrue();
                    reference.set(found.group());
                    assertThat(browser.find("html").getAttribute("lang")).isEqualTo(tag);
                }),
                pages.check(tag + " status page", () -> {
                    browser.andWaitForNextPage(() -> browser.find("main a[href*='/status/']").click());
                    assertThat(browser.find("#request-status").getText()).isNotBlank();
                    assertThat(browser.find("html").getAttribute("lang")).isEqualTo(tag);
                }),
                pages.check(tag + " verification page", () -> {
                    pages.open(verificationPath(email));
                    assertThat(browser.find("main").getText()).contains(reference.get());
                    assertThat(browser.find("html").getAttribute("lang")).isEqualTo(tag);
                }),
                pages.check(tag + " opt-out form", () -> {
                    pages.open("/do-not-sell-or-share");
                    assertInLanguage(tag, "/do-not-sell-or-share");
                }),
                pages.check(tag + " opt-out form with an error", () -> {
                    browser.find("#email").sendKeys("not an address");
                    browser.andWaitForNextPage(() -> browser.find("#email").sendKeys(Keys.ENTER));
                    assertThat(browser.find(".error-summary").getText()).isNotBlank();
                    assertThat(browser.find("html").getAttribute("lang")).isEqualTo(tag);
                }),
                pages.check(tag + " preference center start", () -> {
                    pages.open("/preferences");
                    assertInLanguage(tag, "/preferences");
                }));
    }

    @Test
    void theLanguageSwitcherWorksFromTheKeyboardAndNamesEachLanguageInItself() {
        pages.open("/?lang=en");
        WebElement german = browser.find("nav.languages a[hreflang=de]");
        assertThat(german.getText()).isEqualTo("Deutsch");
        assertThat(german.getAttribute("lang")).isEqualTo("de");
        browser.tabTo(german, 15);
        browser.andWaitForNextPage(() -> browser.press(Keys.ENTER));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("de");
        assertThat(browser.find("nav.languages a[aria-current=true]").getText()).isEqualTo("Deutsch");
        pages.open("/do-not-sell-or-share");
        assertThat(browser.find("html").getAttribute("lang")).as("kept for the next page").isEqualTo("de");
    }

    private static void assertInLanguage(String tag, String page) {
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(tag);
        String heading = browser.find("h1").getText();
        if (tag.equals("en")) {
            assertThat(heading).isEqualTo(ENGLISH_HEADINGS.get(page));
        } else {
            assertThat(heading).as("the heading of " + page + " in " + tag).isNotBlank()
                    .isNotEqualTo(ENGLISH_HEADINGS.get(page));
        }
    }

    private static String verificationPath(String email) {
        return await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(email).stream()
                .map(TestMailServer::body).map(VERIFY_PATH::matcher).filter(Matcher::find).map(Matcher::group)
                .findFirst().orElse(null), path -> path != null);
    }
}
