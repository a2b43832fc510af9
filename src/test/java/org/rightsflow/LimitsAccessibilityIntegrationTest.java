package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * axe-core (WCAG 2.0/2.1, A and AA) on the pages of a spent limit: the "please try again later" page and the
 * sign-in page that refuses while the limit holds. Budgets of one attempt, so the browser reaches them at once.
 */
@RightsflowIntegrationTest
@TestPropertySource(properties = {"rightsflow.limits.secret-link.per-client=1",
        "rightsflow.limits.staff-login.per-client=1"})
class LimitsAccessibilityIntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @TestFactory
    Stream<DynamicTest> limitPages() {
        return Stream.of(
                pages.check("please try again later", () -> {
                    pages.open("/verify/first-guess");
                    pages.open("/verify/second-guess");
                    assertThat(browser.find("h1").getText()).isEqualTo("Please try again later");
                    assertThat(browser.find("main").getText()).contains("This link was not checked.",
                            "You can try again after");
                }),
                pages.check("sign-in refused by a limit", () -> {
                    pages.signIn("dpo", "wrong");
                    pages.signIn("dpo", "dpo");
                    assertThat(browser.find("#login-limited").getText()).contains("You were not signed in",
                            "Try again after");
                }));
    }
}
