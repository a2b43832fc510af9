package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.Channel;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.ReportingContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core (WCAG 2.0/2.1, A and AA), as in {@link AccessibilityIntegrationTest}, on the record of processing
 * activities, the request metrics with their uPlot charts drawn in Chromium, and the public transparency page in
 * English and in German (the browser's Accept-Language changed through DevTools) and with a year it does not offer.
 */
@ReportingContext
class ReportingAccessibilityIntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @Autowired
    StatutoryClock statutoryClock;

    @Autowired
    Clock clock;

    @Autowired
    RequestIntake intake;

    @TestFactory
    Stream<DynamicTest> reportingPages() {
        int last = statutoryClock.dateOf(clock.instant()).getYear() - 1;
        return Stream.of(
                pages.check("record of processing activities", () -> {
                    pages.signIn("dpo", "dpo");
                    pages.open("/staff/ropa");
                    assertThat(browser.find("h1").getText()).isEqualTo("Record of processing activities");
                    assertThat(browser.find("#activity-shop-db h3").getText()).isEqualTo("Shop customer database");
                }),
                pages.check("request metrics with charts", () -> {
                    for (RequestType type : List.of(RequestType.ACCESS, RequestType.DELETION, RequestType.DELETION)) {
                        intake.submit(new NewRequest(type, Regime.GDPR, new SubjectIdentity("charts+"
                                + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "Jo Chart", null),
                                "", Channel.POST, null, "dpo"));
                    }
                    browser.andWaitForNextPage(() -> browser.driver().findElement(By.linkText("Metrics")).click());
                    browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#chart-days[data-drawn=true] canvas")));
                    assertThat(browser.driver().findElements(By.cssSelector("#chart-counts .uplot canvas")))
                            .as("uPlot drew the counts").hasSize(1);
                    assertThat(browser.find("#chart-counts canvas").getSize().getWidth()).isGreaterThan(200);
                    assertThat(browser.find("#chart-counts .u-legend").getText())
                            .contains("Received", "Complied with in whole or in part", "Denied");
                    assertThat(browser.find("#chart-counts").getAttribute("aria-describedby")).isEqualTo("metrics");
                    assertThat(browser.find("#metrics").getText()).contains("Requests to know");
                    // The bars are drawn from the table: the canvas is no longer blank where the deletions stand.
                    Long painted = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                            "var c = document.querySelector('#chart-counts canvas');"
                            + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                            + "for (var i = 0; i < d.length; i += 4) { if (d[i] == 0x12 && d[i + 1] == 0x26"
                            + " && d[i + 2] == 0x3f) { n++; } } return n;");
                    assertThat(painted).as("pixels in the colour of the received bars").isGreaterThan(100);
                }),
                pages.check("request metrics asked for a year and law they cannot show", () -> {
                    pages.open("/staff/records?year=abc&law=NOPE");
                    assertThat(browser.find("#records-problems-title").getText())
                            .isEqualTo("These figures cannot be shown");
                    assertThat(browser.find("#records-problems").getText()).contains("abc", "NOPE");
                    assertThat(browser.driver().findElements(By.cssSelector("#chart-counts"))).isEmpty();
                }),
                pages.check("transparency page in English", () -> {
                    pages.open("/transparency");
                    assertThat(browser.find("h1").getText()).isEqualTo("How we answered privacy requests in " + last);
                    assertThat(browser.find("#transparency").getText()).contains("Opt-out of sale or sharing");
                }),
                pages.check("transparency page in German", () -> {
                    speak("de-DE,de");
                    pages.open("/transparency");
                    assertThat(browser.find("h1").getText())
                            .isEqualTo("So haben wir Datenschutzanfragen " + last + " beantwortet");
                    assertThat(browser.find("main section").getAttribute("lang")).isEqualTo("de");
                }),
                pages.check("transparency page with a year it does not offer", () -> {
                    pages.open("/transparency?year=1999");
                    assertThat(browser.find("h1").getText()).isEqualTo("Für dieses Jahr gibt es keine Zahlen");
                    speak("en");
                }));
    }

    /** Makes the browser ask for pages in these languages from now on. */
    private static void speak(String languages) {
        String userAgent = (String) ((JavascriptExecutor) browser.driver()).executeScript("return navigator.userAgent");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setUserAgentOverride",
                Map.of("userAgent", userAgent, "acceptLanguage", languages));
    }
}
