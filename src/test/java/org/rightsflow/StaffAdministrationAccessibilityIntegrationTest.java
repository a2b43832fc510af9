package org.rightsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.security.AdminAction;
import org.rightsflow.security.AdminEvent;
import org.rightsflow.security.AdminTimeline;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The journey of a new team in a real browser, axe-core (WCAG 2 A/AA) on every page and error state on the way: the
 * admin creates the group billing-team and a system owner in it; the set-password mail arrives; the person follows
 * its link, has a short password, one with their user name and a common one refused, sets a good one and signs in;
 * the admin gives a connected system to billing-team and reads the admin timeline.
 */
@RightsflowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAdministrationAccessibilityIntegrationTest {

    private static final Pattern SET_PASSWORD_LINK = Pattern.compile("https?://\\S+(/staff/set-password/[A-Za-z0-9_-]+)");
    private static final String GROUP = "billing-team";
    private static final String USERNAME = "bea-billing";
    private static final String EMAIL = "bea-billing+" + System.nanoTime() + "@example.com";
    private static final String GOOD_PASSWORD = "violet tractor 47 marmalade";

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @Autowired
    SystemRegistry systems;

    @Autowired
    AdminTimeline timeline;

    private String link;
    private SystemView shop;

    @AfterAll
    void theDemoSystemGoesBackToItsGroup() {
        // Other test classes share this application and expect the demo system's own group.
        if (shop != null) {
            systems.setOwnerGroup(shop.id(), shop.ownerGroup());
        }
    }

    private void submit(String formSelector) {
        browser.andWaitForNextPage(() -> browser.find(formSelector + " button[type=submit]").click());
    }

    private void typePassword(String password) {
        browser.find("#password").clear();
        browser.find("#password").sendKeys(password);
        browser.find("#repeated").clear();
        browser.find("#repeated").sendKeys(password);
        submit("form.stacked");
    }

    @TestFactory
    Stream<DynamicTest> aNewTeamFromItsGroupToItsFirstSignIn() {
        return Stream.of(
                pages.check("administration page", () -> {
                    pages.signIn("admin", "admin");
                    browser.andWaitForNextPage(() -> browser.find("nav a[href='/staff/admin']").click());
                    assertThat(browser.find("h1").getText()).isEqualTo("Administration");
                }),
                pages.check("groups page with a refused group name", () -> {
                    browser.andWaitForNextPage(() -> browser.find("main a[href='/staff/admin/groups']").click());
                    browser.find("#name").sendKeys("Billing Team!");
                    submit("form.stacked");
                    assertThat(browser.find("#problem").getText()).contains("A group name is");
                }),
                pages.check("group page of billing-team", () -> {
                    browser.find("#name").clear();
                    browser.find("#name").sendKeys(GROUP);
                    browser.find("#displayName").sendKeys("Billing team");
                    submit("form.stacked");
                    assertThat(browser.find("h1").getText()).isEqualTo("Group " + GROUP);
                    assertThat(browser.find("main").getText()).contains("Group billing-team created");
                }),
                pages.check("new user form refused without a role", () -> {
                    pages.open("/staff/admin/users/new");
                    browser.find("#username").sendKeys(USERNAME);
                    browser.find("#displayName").sendKeys("Bea Billing");
                    browser.find("#email").sendKeys(EMAIL);
                    browser.find("input[name=groups][value='" + GROUP + "']").click();
                    submit("form.stacked");
                    assertThat(browser.find("#problem").getText()).contains("Choose at least one role");
                }),
                pages.check("user page after creating a system owner", () -> {
                    browser.find("#role-SYSTEM_OWNER").click();
                    submit("form.stacked");
                    assertThat(browser.find("h1").getText()).isEqualTo("User " + USERNAME);
                    assertThat(browser.find("main").getText()).contains("A link to choose a password was emailed");
                }),
                pages.check("set-password page refusing a short password", () -> {
                    String body = TestMailServer.body(await().atMost(Journey.PATIENCE)
                            .until(() -> TestMailServer.messagesTo(EMAIL), m -> !m.isEmpty()).get(0));
                    Matcher found = SET_PASSWORD_LINK.matcher(body);
                    assertThat(found.find()).as("a set-password link in the mail").isTrue();
                    link = found.group(1);
                    browser.driver().manage().deleteAllCookies();
                    pages.open(link);
                    assertThat(browser.find("h1").getText()).isEqualTo("Choose your password");
                    typePassword("Short1!");
                    assertThat(browser.find("#password-problems").getText())
                            .contains("It is shorter than 12 characters.");
                }),
                pages.check("set-password page refusing the user name", () -> {
                    typePassword("I am " + USERNAME + " at work");
                    assertThat(browser.find("#password-problems").getText()).contains("It contains your user name.");
                }),
                pages.check("set-password page refusing a common password", () -> {
                    typePassword("Password1234!");
                    assertThat(browser.find("#password-problems").getText())
                            .contains("It is on a list of commonly used passwords");
                }),
                pages.check("sign-in page after the password was set", () -> {
                    typePassword(GOOD_PASSWORD);
                    assertThat(browser.find("#password-set").getText()).contains("Your password is set");
                }),
                pages.check("staff inbox of the new system owner", () -> {
                    pages.signIn(USERNAME, GOOD_PASSWORD);
                    assertThat(browser.currentUrl()).endsWith("/staff");
                    assertThat(browser.find("nav").getText()).contains("My requests", "Systems")
                            .doesNotContain("Administration");
                }),
                pages.check("used set-password link", () -> {
                    browser.driver().manage().deleteAllCookies();
                    pages.open(link);
                    assertThat(browser.find("h1").getText()).isEqualTo("This link has already been used");
                }),
                pages.check("system edit page with the owner group select", () -> {
                    shop = systems.all().stream().filter(s -> s.key().equals("shop-db")).findFirst().orElseThrow();
                    pages.signIn("admin", "admin");
                    pages.open("/staff/systems/" + shop.id() + "/edit");
                    new Select(browser.find("#ownerGroup")).selectByValue(GROUP);
                    submit("#owner-group-form");
                    assertThat(browser.find("main").getText()).contains("now belongs to " + GROUP);
                    assertThat(systems.get(shop.id()).ownerGroup()).isEqualTo(GROUP);
                }),
                pages.check("admin timeline", () -> {
                    pages.open("/staff/admin/timeline");
                    assertThat(browser.find("#admin-events").getText()).contains("System owner group changed",
                            "Password set", "Set-password link sent", "User created", "Group created");
                    assertThat(timeline.page(1, 1000).events()).filteredOn(e -> e.subject().equals(USERNAME))
                            .extracting(AdminEvent::action).containsExactly(AdminAction.PASSWORD_SET,
                                    AdminAction.SET_PASSWORD_LINK_SENT, AdminAction.USER_CREATED);
                }),
                pages.check("group page refusing an empty display name", () -> {
                    pages.open("/staff/admin/groups/" + GROUP);
                    assertThat(browser.find("main").getText()).contains(shop.name());
                    browser.find("#displayName").clear();
                    browser.find("#displayName").sendKeys("   ");
                    submit("form.stacked");
                    assertThat(browser.find("#problem").getText()).contains("Give the group a display name");
                }),
                pages.check("unknown set-password link", () -> {
                    browser.driver().manage().deleteAllCookies();
                    pages.open("/staff/set-password/made-up-token");
                    assertThat(browser.find("h1").getText()).isEqualTo("This link does not work");
                    pages.signIn("admin", "admin");
                }),
                pages.check("users list", () -> {
                    pages.open("/staff/admin/users");
                    assertThat(browser.find("main table").getText()).contains(USERNAME, "SYSTEM_OWNER", GROUP);
                }));
    }
}
