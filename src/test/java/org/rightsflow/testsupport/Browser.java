package org.rightsflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for a test class, driven by Selenium through the Debian {@code chromedriver}.
 * Register it as a static extension; it starts before the first test and quits after the last, with a fresh
 * profile directory of its own, and forgets cookies before every test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = new Browser();
 * }</pre>
 *
 * Without Chromium or chromedriver the class is skipped with a loud message, or fails where
 * {@code RIGHTSFLOW_REQUIRE_BROWSER=true} (see {@link RequiredTools}). Selenium Manager is never asked to download
 * anything: both paths are given.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    /** The browser: Debian's chromium, or whatever {@code RIGHTSFLOW_CHROMIUM} names. */
    public static final Path CHROMIUM = tool("RIGHTSFLOW_CHROMIUM", "/usr/bin/chromium");
    /** Its driver, of the same version: Debian's chromium-driver, or whatever {@code RIGHTSFLOW_CHROMEDRIVER} names. */
    public static final Path CHROMEDRIVER = tool("RIGHTSFLOW_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private ChromeDriver driver;
    private Path profile;
    private String skipReason;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        skipReason = RequiredTools.missing(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium (" + CHROMIUM + ", " + CHROMEDRIVER + ")",
                "Install the Debian packages chromium and chromium-driver, or name them in RIGHTSFLOW_CHROMIUM "
                        + "and RIGHTSFLOW_CHROMEDRIVER.");
        if (skipReason != null) {
            return;
        }
        profile = Files.createTempDirectory("rightsflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,1024", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    /** Skips each test (so each is counted as skipped) when the browser is missing; else forgets all cookies. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(skipReason == null, skipReason);
        if (driver != null) {
            driver.manage().deleteAllCookies();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteProfile();
        }
    }

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("The browser is not running: register Browser as a static @RegisterExtension");
        }
        return driver;
    }

    /** Opens a URL and waits for the page to load. */
    public void open(String url) {
        driver().get(url);
    }

    public String title() {
        return driver().getTitle();
    }

    public String currentUrl() {
        return driver().getCurrentUrl();
    }

    public WebElement find(String cssSelector) {
        return driver().findElement(By.cssSelector(cssSelector));
    }

    public boolean isPresent(String cssSelector) {
        return !driver().findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    /** Waits (up to 20 s) for a condition: the explicit wait for whatever a page does after an action. */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver(), WAIT).until(condition);
    }

    /** Runs an action that leaves the page (a click, Enter in a form) and waits until the next page has loaded. */
    public void andWaitForNextPage(Runnable action) {
        WebElement oldPage = driver().findElement(By.tagName("html"));
        action.run();
        waitUntil(ExpectedConditions.stalenessOf(oldPage));
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** The element that has keyboard focus. */
    public WebElement focused() {
        return driver().switchTo().activeElement();
    }

    /** Presses keys as a keyboard user does: they go to whatever element has focus. */
    public void press(CharSequence... keys) {
        new Actions(driver()).sendKeys(keys).perform();
    }

    /**
     * Presses Tab until {@code target} has focus, proving it is reachable by keyboard in the page's tab order.
     *
     * @throws AssertionError if it is not reached within {@code maxPresses}
     */
    public WebElement tabTo(WebElement target, int maxPresses) {
        for (int i = 0; i < maxPresses; i++) {
            press(Keys.TAB);
            if (focused().equals(target)) {
                return target;
            }
        }
        throw new AssertionError("Pressing Tab " + maxPresses + " times never reached " + describe(target)
                + "; focus is on " + describe(focused()));
    }

    /** A short description of an element for failure messages: tag, id, name and text. */
    public static String describe(WebElement element) {
        String id = element.getAttribute("id");
        String name = element.getAttribute("name");
        return "<" + element.getTagName() + (id == null || id.isEmpty() ? "" : " id=" + id)
                + (name == null || name.isEmpty() ? "" : " name=" + name) + "> \"" + element.getText() + "\"";
    }

    private static Path tool(String variable, String fallback) {
        String configured = System.getenv(variable);
        return Path.of(configured == null || configured.isBlank() ? fallback : configured);
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        // Best effort: Chromium's last writes may race with the walk; the directory is under the temp dir anyway.
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the Chromium profile " + profile + ": " + e);
        } finally {
            profile = null;
        }
    }
}
