package org.rightsflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for a test class, driven by Selenium through the Debian {@code chromedriver}.
 * Register it as a static extension; it starts before the first test and quits after the last, with a fresh
 * profile directory of its own, and forgets cookies before every test. Files it downloads land, without a prompt, in
 * a fresh directory of its own too ({@link #downloads()}, {@link #awaitDownload(String)}):
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
    private Path downloads;
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
        downloads = Files.createTempDirectory("rightsflow-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,1024", "--user-data-dir=" + profile);
        // Downloads go straight to our directory: no "Save as" prompt, no Safe Browsing check (it would go online).
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "download.directory_upgrade", true,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
            // The old headless mode denied downloads whatever the preferences said; the DevTools command allows
            // them too, into the same directory (with Chromium 156 either of the two alone is enough).
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        } catch (RuntimeException e) {
            try {
                if (driver != null) {
                    driver.quit();
                }
            } catch (RuntimeException quitFailed) {
                e.addSuppressed(quitFailed);
            } finally {
                driver = null;
                deleteProfile();
            }
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

    /** The directory the browser saves downloaded files in: fresh for this browser, deleted when it quits. */
    public Path downloads() {
        if (downloads == null) {
            throw new IllegalStateException("The browser is not running: register Browser as a static @RegisterExtension");
        }
        return downloads;
    }

    /**
     * Waits (up to 20 s) until a file of that name has been downloaded completely (Chromium writes into a
     * {@code .crdownload} file and renames it when done), and returns its path.
     */
    public Path awaitDownload(String fileName) {
        Path file = downloads().resolve(fileName);
        return awaitDownload(path -> path.equals(file), "a downloaded file " + fileName);
    }

    /** Waits (up to 20 s) until a completely downloaded file matches, and returns it (the first by name). */
    public Path awaitDownload(Predicate<Path> matches, String description) {
        return new FluentWait<>(downloads())
                .withTimeout(WAIT)
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> description + " in " + downloads + "; there are " + downloadedFiles())
                .until(directory -> downloadedFiles().stream().filter(matches).findFirst().orElse(null));
    }

    /** The files in {@link #downloads()} that are complete, sorted by name: no download in progress is among them. */
    public List<Path> downloadedFiles() {
        try (Stream<Path> files = Files.list(downloads())) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().endsWith(".crdownload"))
                    .filter(path -> !path.getFileName().toString().startsWith(".com.google.Chrome."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        waitUntil(gone(oldPage));
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * {@link ExpectedConditions#stalenessOf}, also when chromedriver reports the element of a replaced document not
     * as stale but with an "unhandled inspector error" (it does so now and then while a redirect replaces the page:
     * SeleniumHQ/selenium#15401, #12221): the node belongs to a document that is no longer the page's.
     */
    static ExpectedCondition<Boolean> gone(WebElement element) {
        ExpectedCondition<Boolean> stale = ExpectedConditions.stalenessOf(element);
        return new ExpectedCondition<>() {
            @Override
            public Boolean apply(WebDriver driver) {
                try {
                    return stale.apply(driver);
                } catch (WebDriverException e) {
                    String message = String.valueOf(e.getMessage());
                    if (message.contains("Node with given id does not belong to the document")
                            || message.contains("No node with given id found")) {
                        return true;
                    }
                    throw e;
                }
            }

            @Override
            public String toString() {
                return stale.toString();
            }
        };
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

    /** Deletes the profile and the downloads, both best effort. */
    private void deleteProfile() {
        try {
            deleteTree(profile, "the Chromium profile");
            deleteTree(downloads, "the downloads");
        } finally {
            profile = null;
            downloads = null;
        }
    }

    private static void deleteTree(Path directory, String what) {
        if (directory == null) {
            return;
        }
        // Best effort: Chromium's last writes may race with the walk; the directory is under the temp dir anyway.
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + what + " " + directory + ": " + e);
        }
    }
}
