package org.rightsflow.testsupport;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import org.junit.jupiter.api.DynamicTest;
import org.openqa.selenium.Keys;

/** What every accessibility test does: reach a page in the browser, then run axe-core on it; sign in on the way. */
public final class AxePages {

    private AxePages() {
    }

    /**
     * A test that brings the browser to a page (asserting it is the page meant), then runs axe-core on it. A page that
     * cannot be reached fails with where the browser stood.
     */
    public static DynamicTest page(Browser browser, String name, Runnable reach) {
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

    /** Signs in through the staff login form, with the keyboard. */
    public static void signIn(Browser browser, String base, String username, String password) {
        browser.open(base + "/login");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.andWaitForNextPage(() -> browser.find("#password").sendKeys(Keys.ENTER));
    }
}
