package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.security.AdminAction;
import org.rightsflow.security.AdminEvent;
import org.rightsflow.security.AdminTimeline;
import org.rightsflow.security.NewStaffMember;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffRole;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.ProductionSecrets;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff administration on PostgreSQL with the production profile: migration V24, the set-password link, the
 * deletion of a deactivated person's sessions (Spring Session's table, with hashed ids) and the paged admin timeline.
 */
@RightsflowIntegrationTest
@ActiveProfiles("postgres")
@ExtendWith(PostgresTestDatabase.class)
class StaffAdministrationPostgresIntegrationTest {

    private static final Pattern SET_PASSWORD_LINK = Pattern.compile("https?://\\S+(/staff/set-password/[A-Za-z0-9_-]+)");
    private static final String ADMIN = "pg-admin";
    private static final String ADMIN_PASSWORD = "quiet harbour lanterns 58";
    private static final String GOOD_PASSWORD = "violet tractor 47 marmalade";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        ProductionSecrets.properties("submit").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    AdminTimeline timeline;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTeamMemberIsMadeSetsTheirPasswordAndIsSignedOutWhenDeactivated() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        if (!staff.exists(ADMIN)) {
            staff.create(new NewStaffMember(ADMIN, ADMIN_PASSWORD, "PG Admin", "pg-admin@example.com",
                    EnumSet.of(StaffRole.ADMIN), Set.of()));
        }
        WebSession admin = new WebSession(port).login(ADMIN, ADMIN_PASSWORD);
        String suffix = Long.toString(System.nanoTime(), 36);
        String group = "pg-team-" + suffix;
        String username = "pg-" + suffix;
        String email = username + "@example.com";

        admin.post("/staff/admin/groups", admin.get("/staff/admin/groups"), Map.of("name", group, "displayName", "PG"));
        Page created = admin.postEncoded("/staff/admin/users/new", admin.get("/staff/admin/users/new"),
                "username=" + username + "&displayName=PG+Person&email=" + username + "%40example.com"
                        + "&roles=SYSTEM_OWNER&groups=" + group);
        assertThat(created.mainText()).contains("A link to choose a password was emailed");

        String body = TestMailServer.body(await().atMost(Journey.PATIENCE)
                .until(() -> TestMailServer.messagesTo(email), m -> !m.isEmpty()).get(0));
        Matcher link = SET_PASSWORD_LINK.matcher(body);
        assertThat(link.find()).isTrue();
        WebSession visitor = new WebSession(port);
        Page done = visitor.post(link.group(1), visitor.get(link.group(1)),
                Map.of("password", GOOD_PASSWORD, "repeated", GOOD_PASSWORD));
        assertThat(done.uri()).contains("/login?passwordSet");

        WebSession person = new WebSession(port).login(username, GOOD_PASSWORD);
        assertThat(person.get("/staff").status()).isEqualTo(200);
        admin.post("/staff/admin/users/" + username + "/deactivate", admin.get("/staff/admin/users/" + username),
                Map.of());
        assertThat(person.get("/staff").uri()).contains("/login");

        assertThat(admin.get("/staff/admin/timeline?page=2").status()).isEqualTo(200);
        assertThat(timeline.page(1, 50).events()).filteredOn(e -> e.subject().equals(username))
                .extracting(AdminEvent::action).containsExactly(AdminAction.USER_DEACTIVATED, AdminAction.PASSWORD_SET,
                        AdminAction.SET_PASSWORD_LINK_SENT, AdminAction.USER_CREATED);
    }
}
