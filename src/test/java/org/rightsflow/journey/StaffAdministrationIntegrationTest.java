package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.security.AdminAction;
import org.rightsflow.security.AdminEvent;
import org.rightsflow.security.AdminTimeline;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff administration over real HTTP, as an admin and as the people they make accounts for: groups, accounts, the
 * emailed set-password link (forged, weak passwords, reused, replaced, expired), deactivation ending a live session,
 * hostile and oversized input, and the admin timeline row of every change.
 */
@RightsflowIntegrationTest
class StaffAdministrationIntegrationTest {

    private static final Pattern SET_PASSWORD_LINK = Pattern.compile("https?://\\S+(/staff/set-password/[A-Za-z0-9_-]+)");
    private static final String GOOD_PASSWORD = "violet tractor 47 marmalade";

    @LocalServerPort
    int port;

    @Autowired
    AdminTimeline timeline;

    @Autowired
    SystemRegistry systems;

    @Autowired
    JdbcTemplate jdbc;

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    private WebSession admin() {
        return new WebSession(port).login("admin", "admin");
    }

    private Page createGroup(WebSession admin, String name, String displayName) {
        return admin.post("/staff/admin/groups", admin.get("/staff/admin/groups"),
                Map.of("name", name, "displayName", displayName));
    }

    private Page createUser(WebSession admin, String username, String email, String role, String group) {
        Page form = admin.get("/staff/admin/users/new");
        String body = "username=" + username + "&displayName=Bea+Billing&email=" + email.replace("+", "%2B")
                + "&roles=" + role + (group == null ? "" : "&groups=" + group);
        return admin.postEncoded("/staff/admin/users/new", form, body);
    }

    /** The path of the newest set-password link mailed to the address, once it arrived. */
    private static String awaitLink(String email, int nth) {
        String body = TestMailServer.body(await().atMost(Journey.PATIENCE)
                .until(() -> TestMailServer.messagesTo(email), m -> m.size() >= nth).get(nth - 1));
        Matcher link = SET_PASSWORD_LINK.matcher(body);
        assertThat(link.find()).as("a set-password link in " + body).isTrue();
        return link.group(1);
    }

    private static List<AdminEvent> eventsOf(AdminTimeline timeline, String subject) {
        return timeline.page(1, 1000).events().stream().filter(e -> e.subject().equals(subject)).toList();
    }

    private Page setPassword(WebSession visitor, String link, String password) {
        return visitor.post(link, visitor.get(link), Map.of("password", password, "repeated", password));
    }

    /** Posts to a link whose page has no form (it is refused): with a working CSRF token from the sign-in page. */
    private Page setPasswordAnyway(WebSession visitor, String link, String password) {
        return visitor.post(link, visitor.get("/login"), Map.of("password", password, "repeated", password));
    }

    @Test
    void anAdminMakesATeamAndAnAccountWhosePersonChoosesTheirOwnPassword() throws Exception {
        WebSession admin = admin();
        String group = unique("team-");
        String username = unique("bea");
        String email = username + "@example.com";

        Page created = createGroup(admin, group, "Billing team");
        assertThat(created.uri()).endsWith("/staff/admin/groups/" + group);
        Page user = createUser(admin, username, email, "SYSTEM_OWNER", group);
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.mainText()).contains("A link to choose a password was emailed");

        String link = awaitLink(email, 1);
        String delivered = TestMailServer.body(TestMailServer.messagesTo(email).get(0));
        assertThat(delivered).contains("Your user name is " + username);

        WebSession person = new WebSession(port);
        assertThat(setPassword(person, link, "short").status()).isEqualTo(400);
        Page containsName = setPassword(person, link, "my " + username + " is great");
        assertThat(containsName.status()).isEqualTo(400);
        assertThat(containsName.text("#password-problems")).contains("It contains your user name.");
        Page breached = setPassword(person, link, "Password1234!");
        assertThat(breached.status()).isEqualTo(400);
        assertThat(breached.text("#password-problems")).contains("commonly used passwords");
        Page different = person.post(link, person.get(link), Map.of("password", GOOD_PASSWORD, "repeated", "other"));
        assertThat(different.text("#password-problems")).contains("not the same");

        Page done = setPassword(person, link, GOOD_PASSWORD);
        assertThat(done.uri()).contains("/login?passwordSet");
        assertThat(done.text("#password-set")).contains("Your password is set");

        WebSession signedIn = new WebSession(port).login(username, GOOD_PASSWORD);
        assertThat(signedIn.get("/staff").status()).isEqualTo(200);

        Page reused = new WebSession(port).get(link);
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.text("h1")).isEqualTo("This link has already been used");
        assertThat(setPasswordAnyway(new WebSession(port), link, "another good password 99").status())
                .as("the used link, posted again").isEqualTo(410);
        assertThat(setPasswordAnyway(new WebSession(port), link.replace("/staff/set-password/", "/staff/set-password/x"),
                "another good password 99").status()).as("a forged link").isEqualTo(404);

        // Only a hash of the token is stored, and the staff copy of the mail has a label where the link was.
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(jdbc.queryForObject("select count(*) from staff_password_link where token_hash = ?", Integer.class,
                token)).isZero();
        assertThat(jdbc.queryForList("select body, deliverable_body from outbox_message").toString())
                .doesNotContain(token);

        assertThat(eventsOf(timeline, group)).extracting(AdminEvent::action).containsExactly(AdminAction.GROUP_CREATED);
        assertThat(eventsOf(timeline, username)).extracting(AdminEvent::action).containsExactly(
                AdminAction.PASSWORD_SET, AdminAction.SET_PASSWORD_LINK_SENT, AdminAction.USER_CREATED);
        assertThat(eventsOf(timeline, username).get(0).actor()).isEqualTo(username);
        assertThat(eventsOf(timeline, username).get(2).actor()).isEqualTo("admin");
        assertThat(eventsOf(timeline, username).get(2).description()).contains("SYSTEM_OWNER", group);
        assertThat(timeline.page(1, 1000).events().toString()).doesNotContain(GOOD_PASSWORD, token);
    }

    @Test
    void aNewerLinkReplacesTheOlderOneAndAnExpiredLinkOpensNothing() {
        WebSession admin = admin();
        String username = unique("cy");
        String email = username + "@example.com";
        createUser(admin, username, email, "PRIVACY_OFFICER", null);
        String first = awaitLink(email, 1);

        Page account = admin.get("/staff/admin/users/" + username);
        admin.post("/staff/admin/users/" + username + "/send-link", account, Map.of());
        String second = awaitLink(email, 2);

        assertThat(new WebSession(port).get(first).status()).as("the older link").isEqualTo(404);
        assertThat(new WebSession(port).get(second).status()).isEqualTo(200);

        jdbc.update("update staff_password_link set expires_at = ? where username = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), username);
        Page expired = new WebSession(port).get(second);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.text("h1")).isEqualTo("This link has expired");
        assertThat(setPasswordAnyway(new WebSession(port), second, GOOD_PASSWORD).status()).isEqualTo(410);

        assertThat(eventsOf(timeline, username)).extracting(AdminEvent::action).containsExactly(
                AdminAction.SET_PASSWORD_LINK_SENT, AdminAction.SET_PASSWORD_LINK_SENT, AdminAction.USER_CREATED);
    }

    @Test
    void aDeactivatedPersonIsSignedOutAtTheirNextRequestAndCannotSignInUntilReactivated() {
        WebSession admin = admin();
        String username = unique("dee");
        String email = username + "@example.com";
        createUser(admin, username, email, "PRIVACY_OFFICER", null);
        setPassword(new WebSession(port), awaitLink(email, 1), GOOD_PASSWORD);
        WebSession person = new WebSession(port).login(username, GOOD_PASSWORD);
        assertThat(person.get("/staff/requests").status()).isEqualTo(200);

        Page deactivated = admin.post("/staff/admin/users/" + username + "/deactivate",
                admin.get("/staff/admin/users/" + username), Map.of());
        assertThat(deactivated.text("#deactivated")).contains("deactivated");

        Page next = person.get("/staff/requests");
        assertThat(next.uri()).as("the live session ended").contains("/login");
        Page again = new WebSession(port).post("/login", new WebSession(port).get("/login"),
                Map.of("username", username, "password", GOOD_PASSWORD));
        assertThat(again.uri()).contains("/login");

        admin.post("/staff/admin/users/" + username + "/reactivate", admin.get("/staff/admin/users/" + username),
                Map.of());
        assertThat(new WebSession(port).login(username, GOOD_PASSWORD).get("/staff").status()).isEqualTo(200);

        assertThat(eventsOf(timeline, username)).extracting(AdminEvent::action).startsWith(
                AdminAction.USER_REACTIVATED, AdminAction.USER_DEACTIVATED, AdminAction.PASSWORD_SET);
        assertThat(eventsOf(timeline, username).get(1).description()).contains("1 open session(s) ended");
    }

    @Test
    void editingAnAccountAndAGroupIsRecordedWithWhatChanged() {
        WebSession admin = admin();
        String group = unique("ops-");
        String username = unique("eve");
        createGroup(admin, group, "Operations");
        createUser(admin, username, username + "@example.com", "SYSTEM_OWNER", null);

        Page edit = admin.get("/staff/admin/users/" + username);
        Page saved = admin.postEncoded("/staff/admin/users/" + username, edit, "displayName=Eve+Ops&email=" + username
                + "%40example.org&roles=SYSTEM_OWNER&roles=PRIVACY_OFFICER&groups=" + group);
        assertThat(saved.mainText()).contains("Saved " + username);

        Page groupPage = admin.get("/staff/admin/groups/" + group);
        assertThat(groupPage.mainText()).contains(username);
        admin.post("/staff/admin/groups/" + group + "/rename", groupPage, Map.of("displayName", "Operations team"));
        Page members = admin.postEncoded("/staff/admin/groups/" + group + "/members", admin.get("/staff/admin/groups/"
                + group), "members=owner");
        assertThat(members.mainText()).contains("Members of " + group + " saved");

        AdminEvent edited = eventsOf(timeline, username).get(0);
        assertThat(edited.action()).isEqualTo(AdminAction.USER_EDITED);
        assertThat(edited.description()).contains("display name \"Bea Billing\" → \"Eve Ops\"", "@example.org",
                "PRIVACY_OFFICER", "groups none → " + group);
        List<AdminEvent> groupEvents = eventsOf(timeline, group);
        assertThat(groupEvents).extracting(AdminEvent::action).containsExactly(AdminAction.GROUP_MEMBERS_CHANGED,
                AdminAction.GROUP_RENAMED, AdminAction.GROUP_CREATED);
        assertThat(groupEvents.get(0).description()).isEqualTo("Added: owner. Removed: " + username + ".");
        assertThat(groupEvents.get(1).description()).contains("\"Operations\" to \"Operations team\"");
    }

    @Test
    void aSystemGoesToAKnownGroupAndTheChangeIsRecorded() {
        WebSession admin = admin();
        String group = unique("crm-");
        createGroup(admin, group, "CRM team");
        SystemView system = systems.all().stream().filter(s -> s.key().equals("shop-db")).findFirst().orElseThrow();
        String before = system.ownerGroup();

        Page edit = admin.get("/staff/systems/" + system.id() + "/edit");
        assertThat(edit.document().select("#ownerGroup option").eachAttr("value")).contains(group, before);
        Page unknown = admin.post("/staff/systems/" + system.id() + "/owner-group", edit, Map.of("ownerGroup",
                "no-such-group"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("#owner-problem")).contains("Choose one of the groups");
        try {
            Page given = admin.post("/staff/systems/" + system.id() + "/owner-group", edit, Map.of("ownerGroup", group));
            assertThat(given.mainText()).contains("now belongs to " + group);
            assertThat(systems.get(system.id()).ownerGroup()).isEqualTo(group);
            AdminEvent event = eventsOf(timeline, "shop-db").get(0);
            assertThat(event.action()).isEqualTo(AdminAction.SYSTEM_OWNER_GROUP_CHANGED);
            assertThat(event.actor()).isEqualTo("admin");
            assertThat(event.description()).contains("from " + before + " to " + group);
        } finally {
            // Other tests share this application and its demo system.
            admin.post("/staff/systems/" + system.id() + "/owner-group", admin.get("/staff/systems/" + system.id()
                    + "/edit"), Map.of("ownerGroup", before));
        }
        assertThat(systems.get(system.id()).ownerGroup()).isEqualTo(before);
    }

    /** A definition of a system out of scope (active: false), so no other test's request ever reaches it. */
    private static String inactiveSystem(String key, String ownerLine) {
        return "key: " + key + "\nname: Newsletter " + key + "\n" + ownerLine
                + "kind: manual\nrequestTypes: [ACCESS]\nactive: false\ninstructions: Look the address up.\n";
    }

    @Test
    void aNewOrImportedSystemGetsItsOwnerGroupFromTheListOfGroups() {
        WebSession admin = admin();
        String group = unique("news-");
        createGroup(admin, group, "Newsletter team");

        Page form = admin.get("/staff/systems/new");
        assertThat(form.document().select("label[for=ownerGroup]").text()).isEqualTo("Owner group");
        assertThat(form.document().select("#ownerGroup option").eachAttr("value")).contains("", group);
        assertThat(form.document().select("#ownerGroup option[value=" + group + "]").text())
                .isEqualTo("Newsletter team (" + group + ")");
        assertThat(form.text("#yaml")).doesNotContain("ownerGroup");

        // The sample's way: no ownerGroup in the text, the group chosen from the list.
        String created = unique("news-db-");
        Page saved = admin.post("/staff/systems/new", form, Map.of("yaml", inactiveSystem(created, ""),
                "ownerGroup", group));
        assertThat(saved.mainText()).contains("Saved Newsletter " + created);
        assertThat(systems.find(created).orElseThrow().ownerGroup()).isEqualTo(group);

        // The list wins over the text; a group that does not exist is refused and nothing is created.
        String replaced = unique("news-db-");
        admin.post("/staff/systems/new", form, Map.of("yaml", inactiveSystem(replaced, "ownerGroup: sales-team\n"),
                "ownerGroup", group));
        assertThat(systems.find(replaced).orElseThrow().ownerGroup()).isEqualTo(group);
        String refused = unique("news-db-");
        Page unknown = admin.post("/staff/systems/new", form, Map.of("yaml", inactiveSystem(refused, ""),
                "ownerGroup", "no-such-group"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("#owner-problem")).contains("Choose one of the groups");
        assertThat(unknown.text("#yaml")).contains("key: " + refused);
        assertThat(systems.find(refused)).isEmpty();
        // Neither chosen nor written: the definition's own message, as before.
        Page none = admin.post("/staff/systems/new", form, Map.of("yaml", inactiveSystem(refused, ""), "ownerGroup", ""));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text("#problem")).contains("ownerGroup");
        assertThat(systems.find(refused)).isEmpty();

        Page importForm = admin.get("/staff/systems/import");
        assertThat(importForm.document().select("#ownerGroup option").eachAttr("value")).contains("", group);
        String first = unique("news-imp-");
        String second = unique("news-imp-");
        String document = "systems:\n" + (inactiveSystem(first, "ownerGroup: sales-team\n")
                + inactiveSystem(second, "")).replaceAll("(?m)^(?=.)", "    ").replaceAll("(?m)^    key:", "  - key:");
        Page imported = admin.post("/staff/systems/import", importForm, Map.of("yaml", document, "ownerGroup", group));
        assertThat(imported.mainText()).contains("Imported: 2 created");
        assertThat(systems.find(first).orElseThrow().ownerGroup()).isEqualTo(group);
        assertThat(systems.find(second).orElseThrow().ownerGroup()).isEqualTo(group);
        // Left at "as each definition says", an export comes back with the groups it had.
        Page kept = admin.post("/staff/systems/import", importForm, Map.of("yaml",
                "systems:\n" + inactiveSystem(first, "ownerGroup: sales-team\n").replaceAll("(?m)^(?=.)", "    ")
                        .replaceAll("(?m)^    key:", "  - key:"), "ownerGroup", ""));
        assertThat(kept.mainText()).contains("1 updated");
        assertThat(systems.find(first).orElseThrow().ownerGroup()).isEqualTo("sales-team");
        Page badImport = admin.post("/staff/systems/import", importForm, Map.of("yaml", document.replace(first,
                unique("news-imp-")), "ownerGroup", "no-such-group"));
        assertThat(badImport.status()).isEqualTo(400);
        assertThat(badImport.text("#owner-problem")).contains("Choose one of the groups", "Nothing was imported");
    }

    /** A YAML document of the definitions, as the import page takes it. */
    private static String document(String... definitions) {
        return "systems:\n" + String.join("", definitions).replaceAll("(?m)^(?=.)", "    ")
                .replaceAll("(?m)^    key:", "  - key:");
    }

    @Test
    void creatingOrImportingASystemLeavesATimelineRowOfWhoGaveItWhichOwnerGroup() {
        WebSession admin = admin();
        String group = unique("audit-");
        createGroup(admin, group, "Audit team");

        String created = unique("audit-db-");
        admin.post("/staff/systems/new", admin.get("/staff/systems/new"), Map.of("yaml", inactiveSystem(created, ""),
                "ownerGroup", group));
        assertThat(eventsOf(timeline, created)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo(AdminAction.SYSTEM_CREATED);
            assertThat(event.actor()).isEqualTo("admin");
            assertThat(event.description()).isEqualTo("Created Newsletter " + created + " with owner group " + group
                    + " (chosen from the list).");
        });
        // Edited: one row naming what changed; the owner group written into the text gets its own row.
        long id = systems.find(created).orElseThrow().id();
        Page edit = admin.get("/staff/systems/" + id + "/edit");
        admin.post("/staff/systems/" + id + "/edit", edit, Map.of("yaml", inactiveSystem(created, "ownerGroup: "
                + group + "\n").replace("requestTypes: [ACCESS]", "requestTypes: [ACCESS, DELETION]")
                .replace("active: false", "active: true")));
        assertThat(eventsOf(timeline, created).get(0)).satisfies(event -> {
            assertThat(event.action()).isEqualTo(AdminAction.SYSTEM_EDITED);
            assertThat(event.description()).isEqualTo("Definition of Newsletter " + created
                    + " saved: request types [ACCESS] → [ACCESS, DELETION], switched on.");
        });
        admin.post("/staff/systems/" + id + "/edit", admin.get("/staff/systems/" + id + "/edit"), Map.of("yaml",
                inactiveSystem(created, "ownerGroup: sales-team\n")));
        assertThat(eventsOf(timeline, created)).extracting(AdminEvent::action).containsSubsequence(
                AdminAction.SYSTEM_EDITED, AdminAction.SYSTEM_OWNER_GROUP_CHANGED, AdminAction.SYSTEM_EDITED,
                AdminAction.SYSTEM_CREATED);
        assertThat(systems.find(created).orElseThrow().ownerGroup()).isEqualTo("sales-team");

        String first = unique("audit-imp-");
        String second = unique("audit-imp-");
        Page importForm = admin.get("/staff/systems/import");
        admin.post("/staff/systems/import", importForm, Map.of("yaml", document(
                inactiveSystem(first, "ownerGroup: sales-team\n"), inactiveSystem(second, "")), "ownerGroup", group));
        for (String key : List.of(first, second)) {
            assertThat(eventsOf(timeline, key)).singleElement().satisfies(event -> {
                assertThat(event.action()).isEqualTo(AdminAction.SYSTEM_IMPORTED);
                assertThat(event.actor()).isEqualTo("admin");
                assertThat(event.description()).isEqualTo("Created Newsletter " + key + " from the pasted text with "
                        + "owner group " + group + " (chosen from the list).");
            });
        }
        // Imported again as the definition says: the row says the owner group went back to the definition's.
        admin.post("/staff/systems/import", importForm, Map.of("yaml", document(
                inactiveSystem(first, "ownerGroup: sales-team\n")), "ownerGroup", ""));
        assertThat(eventsOf(timeline, first).get(0).description()).isEqualTo("Updated Newsletter " + first
                + " from the pasted text; owner group changed from " + group + " to sales-team (as the definition "
                + "says); tasks already offered to " + group + " stay with it.");
        admin.post("/staff/systems/import", importForm, Map.of("yaml", document(
                inactiveSystem(first, "ownerGroup: sales-team\n")), "ownerGroup", ""));
        assertThat(eventsOf(timeline, first).get(0).description()).endsWith("owner group sales-team unchanged.");
        assertThat(eventsOf(timeline, first)).hasSize(3);

        // The timeline page shows them; a refused import leaves no row.
        Page page = admin.get("/staff/admin/timeline");
        assertThat(page.document().select("#admin-events tr:has(td:contains(" + second + "))").text())
                .contains("admin", "System imported", "owner group " + group);
        String refused = unique("audit-imp-");
        Page bad = admin.post("/staff/systems/import", importForm, Map.of("yaml", document(inactiveSystem(refused, ""),
                "key: " + refused + "x\nname: Broken\nkind: no-such-kind\n"), "ownerGroup", group));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(eventsOf(timeline, refused)).isEmpty();
        assertThat(systems.find(refused)).isEmpty();
    }

    @Test
    void hostileTextIsShownAsTextAndBadOrOversizedInputIsAClear400() {
        WebSession admin = admin();
        String group = unique("x-");
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        createGroup(admin, group, hostile);
        Page groups = admin.get("/staff/admin/groups");
        assertThat(groups.body()).doesNotContain(hostile).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(groups.document().select("main script, main img")).isEmpty();

        Page badName = createGroup(admin, "<b>Team</b>", "Team");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.text("#problem")).contains("A group name is");
        assertThat(badName.body()).doesNotContain("<b>Team</b>", "Exception", "at org.");
        Page tooLong = createGroup(admin, unique("y-"), "x".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("#problem")).contains("at most 200 characters");

        Page noRole = admin.postEncoded("/staff/admin/users/new", admin.get("/staff/admin/users/new"),
                "username=" + unique("fay") + "&displayName=Fay&email=fay%40example.com");
        assertThat(noRole.status()).isEqualTo(400);
        assertThat(noRole.text("#problem")).contains("Choose at least one role");
        Page badRole = admin.postEncoded("/staff/admin/users/new", admin.get("/staff/admin/users/new"),
                "username=" + unique("fay") + "&displayName=Fay&email=fay%40example.com&roles=ROOT");
        assertThat(badRole.status()).isEqualTo(400);
        Page badEmail = admin.postEncoded("/staff/admin/users/new", admin.get("/staff/admin/users/new"),
                "username=" + unique("fay") + "&displayName=Fay&email=not-an-address&roles=ADMIN");
        assertThat(badEmail.status()).isEqualTo(400);
        Page longName = admin.postEncoded("/staff/admin/users/new", admin.get("/staff/admin/users/new"),
                "username=" + "a".repeat(65) + "&displayName=Fay&email=fay%40example.com&roles=ADMIN");
        assertThat(longName.status()).isEqualTo(400);
        Page unknownGroup = admin.postEncoded("/staff/admin/users/new", admin.get("/staff/admin/users/new"),
                "username=" + unique("fay") + "&displayName=Fay&email=fay%40example.com&roles=ADMIN&groups=nope-x");
        assertThat(unknownGroup.status()).isEqualTo(400);
        assertThat(unknownGroup.text("#problem")).contains("There is no group named nope-x");

        String username = unique("gus");
        createUser(admin, username, username + "@example.com", "PRIVACY_OFFICER", null);
        Page hostileName = admin.postEncoded("/staff/admin/users/" + username, admin.get("/staff/admin/users/" + username),
                "displayName=%3Cscript%3Ealert(3)%3C%2Fscript%3E&email=" + username + "%40example.com&roles=PRIVACY_OFFICER");
        assertThat(hostileName.body()).doesNotContain("<script>alert(3)</script>");
        assertThat(admin.get("/staff/admin/users").body()).doesNotContain("<script>alert(3)</script>")
                .contains("&lt;script&gt;alert(3)&lt;/script&gt;");
        assertThat(admin.get("/staff/admin/timeline").body()).doesNotContain("<script>alert(3)</script>",
                "<script>alert(1)</script>");

        Page ownAccount = admin.post("/staff/admin/users/admin/deactivate", admin.get("/staff/admin/users/admin"),
                Map.of());
        assertThat(ownAccount.status()).isEqualTo(400);
        assertThat(ownAccount.text("#problem")).contains("You cannot deactivate your own account");
        assertThat(admin.get("/staff/admin/users/no-such-user").status()).isEqualTo(404);
        assertThat(admin.get("/staff/admin/groups/no-such-group").status()).isEqualTo(404);
        Page longPassword = new WebSession(port).get("/staff/set-password/" + "x".repeat(5000));
        assertThat(longPassword.status()).isEqualTo(404);
        assertThat(longPassword.body()).doesNotContain("Exception");
    }

    @Test
    void theTimelineIsNewestFirstAndPaged() {
        Page first = admin().get("/staff/admin/timeline");
        assertThat(first.status()).isEqualTo(200);
        assertThat(admin().get("/staff/admin/timeline?page=9999").status()).isEqualTo(200);
        assertThat(admin().get("/staff/admin/timeline?page=abc").status()).isEqualTo(200);
        AdminTimeline.Page page = timeline.page(1, 2);
        if (page.events().size() == 2) {
            assertThat(page.events().get(0).occurredAt()).isAfterOrEqualTo(page.events().get(1).occurredAt());
        }
    }
}
