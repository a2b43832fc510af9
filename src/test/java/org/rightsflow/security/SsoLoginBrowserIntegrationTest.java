package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.rightsflow.testsupport.AxePages;
import org.rightsflow.testsupport.Browser;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.OpenIdProvider;
import org.rightsflow.testsupport.OpenIdProvider.Person;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID provider (Spring Authorization Server started by the test, {@link
 * OpenIdProvider}) in a real Chromium: the staff login page offers "Sign in with Example ID" beside the form; the
 * browser goes to the provider, signs in on its form, comes back signed in with the role and groups its claims map to
 * (Keycloak-shaped: {@code realm_access.roles}, {@code groups}), as the same login a password gives (the inbox, the
 * owner's view of their group's tasks, Camunda's webapps for an admin). Refused with a page of their own, and nothing
 * created: a person with no mapped role, a deactivated person, a user name another account has, a forged {@code state}
 * or {@code code} on the callback. axe-core on the login page with the button and on the refusal page.
 */
@RightsflowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoLoginBrowserIntegrationTest {

    private static final List<Person> PEOPLE = List.of(
            new Person("olga", "olga-at-the-provider", "olga@example.com", "Olga Officer",
                    List.of("rightsflow-officers", "wiki-editors"), List.of()),
            new Person("ada", "ada-at-the-provider", "ada@example.com", "Ada Admin",
                    List.of("rightsflow-admins"), List.of()),
            new Person("sam", "sam-at-the-provider", "sam@example.com", "Sam Support",
                    List.of("rightsflow-owners"), List.of("idp-support", "idp-unmapped")),
            new Person("mia", "mia-at-the-provider", "mia@example.com", "Mia Marketing",
                    List.of("rightsflow-owners"), List.of("idp-marketing")),
            new Person("una", "una-at-the-provider", "una@example.com", "Una Unmapped",
                    List.of("wiki-editors"), List.of("idp-support")),
            new Person("dee", "dee-at-the-provider", "dee@example.com", "Dee Departed",
                    List.of("rightsflow-owners"), List.of("idp-support")),
            // The demo's own privacy officer account is "dpo": an identity naming itself so must not take it over.
            new Person("dpo", "dpo-at-the-provider", "impostor@example.com", "Not the DPO",
                    List.of("rightsflow-admins"), List.of()));

    private static final OpenIdProvider provider = OpenIdProvider.start(PEOPLE);

    @RegisterExtension
    static final Browser browser = new Browser();

    @RegisterExtension
    static final AxePages pages = new AxePages(browser);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffAdministration administration;

    @DynamicPropertySource
    static void theProvider(DynamicPropertyRegistry registry) {
        registry.add("rightsflow.sso.enabled", () -> "true");
        registry.add("logging.level.org.rightsflow.security.SsoLogin", () -> "DEBUG");
        registry.add("rightsflow.sso.issuer-uri", provider::issuer);
        registry.add("rightsflow.sso.client-id", () -> OpenIdProvider.CLIENT_ID);
        registry.add("rightsflow.sso.client-secret", () -> OpenIdProvider.CLIENT_SECRET);
        registry.add("rightsflow.sso.provider-name", () -> "Example ID");
        registry.add("rightsflow.sso.roles-claim", () -> "realm_access.roles");
        registry.add("rightsflow.sso.groups-claim", () -> "groups");
        registry.add("rightsflow.sso.role-mapping.rightsflow-officers", () -> "PRIVACY_OFFICER");
        registry.add("rightsflow.sso.role-mapping.rightsflow-admins", () -> "ADMIN");
        registry.add("rightsflow.sso.role-mapping.rightsflow-owners", () -> "SYSTEM_OWNER");
        registry.add("rightsflow.sso.group-mapping.idp-support", () -> "support-team");
        registry.add("rightsflow.sso.group-mapping.idp-marketing", () -> "marketing-team");
    }

    @BeforeAll
    void theProviderKnowsTheCallback() {
        provider.allowRedirectTo("http://localhost:" + port + "/login/oauth2/code/sso");
    }

    @AfterAll
    void stopTheProvider() {
        provider.close();
    }

    /** Forgets every cookie, the provider's too (Browser forgets only the current site's). */
    private void forgetEverySession() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** From the staff login page through the provider's own login form, back to Rightsflow. */
    private void signInAtTheProvider(Person person) {
        forgetEverySession();
        pages.open("/login");
        browser.andWaitForNextPage(() -> browser.find("#sso-sign-in").click());
        assertThat(browser.currentUrl()).as("the provider's login page").startsWith(provider.issuer() + "/login");
        browser.find("#username").sendKeys(person.username());
        browser.find("#password").sendKeys(person.password());
        browser.andWaitForNextPage(() -> browser.find("button[type=submit]").click());
    }

    private static Person person(String username) {
        return PEOPLE.stream().filter(person -> person.username().equals(username)).findFirst().orElseThrow();
    }

    private String signedInAs() {
        return browser.find("nav[aria-label=Staff] form[action='/logout'] button").getText();
    }

    private List<String> rolesOf(String username) {
        return jdbc.queryForList("select role from staff_user_role where username = ? order by role", String.class,
                username);
    }

    private List<String> groupsOf(String username) {
        return jdbc.queryForList("select group_name from staff_user_group where username = ? order by group_name",
                String.class, username);
    }

    private int rows(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Integer.class, arguments);
    }

    @TestFactory
    Stream<DynamicTest> theSignInPagesOfSingleSignOn() {
        return Stream.of(
                pages.check("login page with the single sign-on button", () -> {
                    forgetEverySession();
                    pages.open("/login");
                    assertThat(browser.find("#sso-sign-in").getText()).isEqualTo("Sign in with Example ID");
                    // The form stays for small installations and local accounts.
                    assertThat(browser.isPresent("form.stacked #password")).isTrue();
                }),
                pages.check("refusal page of a person whose claims map to no role", () -> {
                    signInAtTheProvider(person("una"));
                    assertThat(browser.currentUrl()).startsWith("http://localhost:" + port + "/login");
                    assertThat(browser.find("h1").getText()).isEqualTo("You were not signed in");
                    assertThat(browser.find("#sso-refusal").getText()).contains("gives you no role in Rightsflow");
                    assertThat(rows("select count(*) from staff_user where username = 'una'")).isZero();
                    assertThat(rows("select count(*) from staff_sso_link where subject = 'una'")).isZero();
                    pages.open("/staff");
                    assertThat(browser.currentUrl()).endsWith("/login");
                }));
    }

    @Test
    void anOfficerSignsInAtTheProviderAndLandsInTheInboxWithTheMappedRole() {
        signInAtTheProvider(person("olga"));

        assertThat(browser.currentUrl()).isEqualTo("http://localhost:" + port + "/staff");
        assertThat(browser.find("h1").getText()).isEqualTo("Inbox");
        assertThat(signedInAs()).isEqualTo("Sign out olga");
        assertThat(browser.isPresent("nav a[href='/staff/requests']")).as("an officer's Requests page").isTrue();
        assertThat(browser.isPresent("nav a[href='/staff/admin']")).as("no administration").isFalse();
        assertThat(rolesOf("olga")).containsExactly("PRIVACY_OFFICER");
        assertThat(jdbc.queryForMap("select display_name, email from staff_user where username = 'olga'"))
                .containsEntry("DISPLAY_NAME", "Olga Officer").containsEntry("EMAIL", "olga@example.com");
        assertThat(jdbc.queryForObject("select issuer from staff_sso_link where username = 'olga'", String.class))
                .isEqualTo(provider.issuer());
        assertThat(jdbc.queryForList("select actor || ': ' || action from admin_event where subject = 'olga'",
                String.class)).containsExactly("single sign-on: SSO_USER_CREATED");

        // Signing in again finds the same account and writes nothing new: the claims have not changed.
        signInAtTheProvider(person("olga"));
        assertThat(signedInAs()).isEqualTo("Sign out olga");
        assertThat(rows("select count(*) from staff_sso_link where username = 'olga'")).isEqualTo(1);
        assertThat(rows("select count(*) from admin_event where subject = 'olga'")).isEqualTo(1);
    }

    @Test
    void anAdminSignedInByTheProviderReadsInCamundaCockpit() {
        signInAtTheProvider(person("ada"));
        assertThat(signedInAs()).isEqualTo("Sign out ada");

        pages.open("/camunda/api/engine/engine/default/process-definition/count");
        assertThat(browser.find("body").getText()).contains("\"count\":").doesNotContain("\"count\":0");
        pages.open("/camunda/app/cockpit/default/");
        assertThat(browser.currentUrl()).doesNotContain("/login").doesNotContain("setup");
    }

    @Test
    void anOwnerSeesTheTasksOfTheSystemsOfTheGroupTheirClaimsMapTo() {
        Journey deletion = new Journey(port, "sso-deletion");
        deletion.submit("DELETION", "GDPR", "Please delete everything.");
        deletion.confirmFromEmail();
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        await().atMost(Journey.PATIENCE).until(() -> dpo.inboxTaskLink(deletion.reference(), "Support desk"),
                link -> link != null);

        signInAtTheProvider(person("sam"));
        assertThat(signedInAs()).isEqualTo("Sign out sam");
        assertThat(rolesOf("sam")).containsExactly("SYSTEM_OWNER");
        assertThat(groupsOf("sam")).as("the unmapped group is left out").containsExactly("support-team");
        String samsInbox = browser.find("main").getText();
        assertThat(samsInbox).contains(deletion.reference()).contains("Support desk");

        signInAtTheProvider(person("mia"));
        assertThat(signedInAs()).isEqualTo("Sign out mia");
        assertThat(groupsOf("mia")).containsExactly("marketing-team");
        assertThat(browser.find("main").getText()).doesNotContain(deletion.reference());
    }

    @Test
    void aDeactivatedPersonIsSignedOutAndTheProviderCannotSignThemInAgain() {
        signInAtTheProvider(person("dee"));
        assertThat(signedInAs()).isEqualTo("Sign out dee");

        administration.deactivate("dee", "admin");
        pages.open("/staff");
        assertThat(browser.currentUrl()).as("the session ended with the account").endsWith("/login");

        signInAtTheProvider(person("dee"));
        assertThat(browser.find("#sso-refusal").getText()).contains("has been deactivated");
        pages.open("/staff");
        assertThat(browser.currentUrl()).endsWith("/login");
        assertThat(rolesOf("dee")).containsExactly("SYSTEM_OWNER");
    }

    @Test
    void anIdentityNamedLikeAnotherAccountDoesNotTakeItOver() {
        List<String> dpoRoles = rolesOf("dpo");
        signInAtTheProvider(person("dpo"));

        assertThat(browser.find("#sso-refusal").getText()).contains("Another Rightsflow account already has the user name");
        assertThat(rolesOf("dpo")).isEqualTo(dpoRoles);
        assertThat(rows("select count(*) from staff_sso_link where username = 'dpo'")).isZero();
        assertThat(jdbc.queryForObject("select email from staff_user where username = 'dpo'", String.class))
                .isNotEqualTo("impostor@example.com");
    }

    @Test
    void aForgedStateOrCodeOnTheCallbackGivesAClearErrorAndNoSession() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;

        // A state Rightsflow never issued, with no session at all.
        HttpResponse<String> forgedState = client.send(HttpRequest.newBuilder(
                URI.create(base + "/login/oauth2/code/sso?code=made-up&state=made-up")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forgedState.statusCode()).isEqualTo(400);
        assertThat(forgedState.body()).contains("You were not signed in").contains("Start again from the sign-in page")
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(forgedState.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));

        // A real state from a started sign-in, with a code the provider never gave.
        HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/sso"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(provider.issuer() + "/oauth2/authorize");
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(location);
        assertThat(state.find()).isTrue();
        String cookie = started.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> forgedCode = client.send(HttpRequest.newBuilder(
                URI.create(base + "/login/oauth2/code/sso?code=made-up&state=" + state.group(1)))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forgedCode.statusCode()).isEqualTo(400);
        assertThat(forgedCode.body()).contains("You were not signed in").doesNotContain("Exception");
        String after = forgedCode.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(cookie);
        HttpResponse<String> staff = client.send(HttpRequest.newBuilder(URI.create(base + "/staff"))
                .header("Cookie", after).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(staff.statusCode()).isEqualTo(302);
        assertThat(staff.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
