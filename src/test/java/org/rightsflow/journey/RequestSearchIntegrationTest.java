package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Actors;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.Channel;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.security.NewStaffMember;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffRole;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The search of the staff requests list over HTTP: each filter narrows the list in the database, the address is
 * compared in any case through its keyed hash, hostile text is only ever a value (escaped on the page, finding
 * nothing), input that cannot be searched is a 400 page that says why, and a system owner searches only within
 * their groups' requests. The context is shared with other tests: each check looks at requests of its own addresses.
 */
@RightsflowIntegrationTest
class RequestSearchIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestIntake intake;

    @Autowired
    RequestDirectory requests;

    @Autowired
    StaffDirectory staff;

    @Test
    void anAddressInAnotherCaseFindsTheOneRequestAmongMany() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 6; i++) {
            submit("crowd-" + i + "-" + tag + "@example.com", RequestType.ACCESS, Regime.GDPR, null);
        }
        String wanted = submit("Ann.Search-" + tag + "@Example.com", RequestType.ACCESS, Regime.GDPR, null);

        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page found = dpo.get("/staff/requests?email=" + encode("  ANN.SEARCH-" + tag + "@EXAMPLE.COM "));

        assertThat(found.status()).isEqualTo(200);
        assertThat(references(found)).containsExactly(wanted);
        assertThat(found.text("caption")).isEqualTo("1 request(s)");
        assertThat(found.document().selectFirst("#email").attr("value")).isEqualTo("ANN.SEARCH-" + tag + "@EXAMPLE.COM");
        assertThat(references(dpo.get("/staff/requests?reference=" + wanted.toLowerCase())))
                .as("the reference exactly, in any case").containsExactly(wanted);
    }

    @Test
    void eachFilterNarrowsTheListAndTheOrderIsTheOneAskedFor() {
        String email = "filters-" + UUID.randomUUID() + "@example.com";
        Instant longAgo = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String old = submit(email, RequestType.DELETION, Regime.CCPA, longAgo);
        String recent = submit(email, RequestType.ACCESS, Regime.GDPR, null);
        String q = "/staff/requests?email=" + encode(email);
        WebSession dpo = new WebSession(port).login("dpo", "dpo");

        assertThat(references(dpo.get(q))).containsExactly(recent, old);
        assertThat(references(dpo.get(q + "&sort=RECEIVED_ASC"))).containsExactly(old, recent);
        assertThat(references(dpo.get(q + "&sort=DUE_ASC"))).containsExactly(old, recent);
        assertThat(references(dpo.get(q + "&sort=DUE_DESC"))).containsExactly(recent, old);
        assertThat(references(dpo.get(q + "&type=DELETION"))).containsExactly(old);
        assertThat(references(dpo.get(q + "&law=GDPR"))).containsExactly(recent);
        assertThat(references(dpo.get(q + "&overdue=true"))).containsExactly(old);
        LocalDate recentDue = requests.get(recent).due();
        assertThat(references(dpo.get(q + "&dueFrom=" + recentDue + "&dueTo=" + recentDue)))
                .containsExactly(recent);
        assertThat(references(dpo.get(q + "&dueTo=" + recentDue.minusDays(1)))).containsExactly(old);
        String status = requests.get(recent).status().name();
        assertThat(references(dpo.get(q + "&status=" + status + "&law=GDPR"))).containsExactly(recent);
        assertThat(references(dpo.get(q + "&status=CLOSED"))).isEmpty();
        assertThat(references(dpo.get(q + "&system=shop-db"))).containsExactly(recent, old);
        assertThat(references(dpo.get(q + "&assignee=owner"))).as("nobody holds a task of theirs").isEmpty();

        Page nothing = dpo.get(q + "&type=OPT_OUT");
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.text("#no-requests")).isEqualTo("No request matches the search.");
    }

    @Test
    void hostileTextIsOnlyAValueEscapedOnThePageAndFindsNothing() {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        List<String> hostile = List.of("' OR '1'='1", "DSR-%", "_", "\"><script>alert(1)</script>",
                "x'); drop table dsr_request; --", "*", "\\", "<img src=x onerror=alert(1)>");
        for (String text : hostile) {
            for (String field : List.of("reference", "email")) {
                Page page = dpo.get("/staff/requests?" + field + "=" + encode(text));
                assertThat(page.status()).as(field + " = " + text).isEqualTo(200);
                assertThat(page.text("#no-requests")).as(field + " = " + text).isEqualTo("No request matches the search.");
                assertThat(page.document().selectFirst("#" + field).attr("value")).isEqualTo(text.strip());
                assertThat(page.document().select("main script, main img")).as("nothing of it became markup").isEmpty();
                assertThat(page.body()).doesNotContain("<script>alert(1)", "<img src=x");
            }
        }
        assertThat(dpo.get("/staff/requests").document().select("tbody tr")).as("the table is still there").isNotEmpty();
    }

    @Test
    void whatCannotBeSearchedIsA400ThatSaysWhyWithNoRows() {
        WebSession dpo = new WebSession(port).login("dpo", "dpo");

        Page bad = dpo.get("/staff/requests?status=OPEN&dueFrom=2026-13-45&dueTo=tomorrow&law=MARS&type=ALL&sort=sideways"
                + "&overdue=maybe&system=no-such-system&assignee=nobody-at-all");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("#search-problems")).contains("There is no status \"OPEN\"", "\"Due from\" is not a date",
                "\"Due to\" is not a date", "There is no law \"MARS\"", "There is no request type \"ALL\"",
                "cannot be sorted by \"sideways\"", "\"Overdue only\" is either ticked or not",
                "There is no connected system \"no-such-system\"", "There is no staff member \"nobody-at-all\"");
        assertThat(bad.document().select("tbody tr")).isEmpty();
        assertThat(bad.body()).doesNotContain("Exception", "at org.");
        assertThat(bad.document().select("#status option[selected]")).as("no status was chosen").isEmpty();
    }

    @Test
    void aSystemOwnerSearchesOnlyWithinTheirGroupsRequests() {
        String username = "list-marketing-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new NewStaffMember(username, "list-owner-password", "Marketing Owner", username + "@example.com",
                EnumSet.of(StaffRole.SYSTEM_OWNER), Set.of("marketing-team")));
        String email = "owner-search-" + UUID.randomUUID() + "@example.com";
        String access = submit(email, RequestType.ACCESS, Regime.GDPR, null);
        String portability = submit(email, RequestType.PORTABILITY, Regime.GDPR, null);
        WebSession owner = new WebSession(port).login(username, "list-owner-password");
        String q = "/staff/requests?email=" + encode(email);

        assertThat(references(owner.get(q))).as("the mailing agency takes no part in portability")
                .containsExactly(access);
        assertThat(references(owner.get(q + "&system=mailing-agency"))).containsExactly(access);
        assertThat(references(owner.get("/staff/requests?reference=" + portability))).isEmpty();

        Page otherGroups = owner.get(q + "&system=support-desk");
        assertThat(otherGroups.status()).isEqualTo(400);
        assertThat(otherGroups.text("#search-problems")).contains("There is no connected system \"support-desk\"");
        assertThat(otherGroups.document().select("tbody tr")).isEmpty();
        assertThat(otherGroups.document().select("#system option")).extracting(Element::val)
                .containsExactly("", "mailing-agency");
        assertThat(owner.get(q).document().select("input[name=reference][type=checkbox], #bulk-action"))
                .as("bulk actions are for privacy officers").isEmpty();
    }

    private String submit(String email, RequestType type, Regime regime, Instant receivedAt) {
        return intake.submit(new NewRequest(type, regime, new SubjectIdentity(email, "Sam Search", null), "",
                receivedAt == null ? Channel.WEB_FORM : Channel.POST, receivedAt, Actors.SUBJECT, null))
                .request().reference();
    }

    private static List<String> references(Page page) {
        return page.document().select("tbody tr td a[href^=/staff/requests/]").stream().map(Element::text).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
