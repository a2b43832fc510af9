package org.rightsflow.testsupport;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Keys;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What every accessibility test does: reach a page of the application in the browser, then run axe-core on it; sign
 * in on the way. Register it after the {@link Browser}, in a test class that starts the application on a port:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = new Browser();
 * @RegisterExtension
 * static final AxePages pages = new AxePages(browser);
 * }</pre>
 *
 * Before each test it loads axe-core (so a test skips, or fails, by the rule for missing tools when axe-core is not
 * installed) and learns the application's address from its Spring context.
 */
public final class AxePages implements BeforeEachCallback {

    private final Browser browser;
    private String base;

    public AxePages(Browser browser) {
        this.browser = browser;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Axe.load();
        base = "http://localhost:" + SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
    }

    /**
     * A test that brings the browser to a page (asserting it is the page meant), then runs axe-core on it. A page that
     * cannot be reached fails with where the browser stood.
     */
    public DynamicTest check(String name, Runnable reach) {
        return dynamicTest(name, () -> {
            try {
                reach.run();
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("Could not reach the " + name + " (browser at " + browser.currentUrl()
                        + "): " + e.getMessage(), e);
            }
            Axe.load().assertNoViolations(browser.driver(), name);
        });
    }

    /** Opens a path of the application, such as {@code /staff/inbox}. */
    public void open(String path) {
        browser.open(base + path);
    }

    /** Signs in through the staff login form, with the keyboard. */
    public void signIn(String username, String password) {
        open("/login");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.andWaitForNextPage(() -> browser.find("#password").sendKeys(Keys.ENTER));
    }
}
