package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.optout.BatchView;
import org.rightsflow.optout.OptOutBatches;
import org.rightsflow.security.NewStaffMember;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffRole;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.TestMailServer;
import org.rightsflow.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what, over real HTTP: every staff page and API endpoint the application maps, and the public
 * transparency page (read from Spring MVC's handler mapping, so a new endpoint without a row here fails the test) against anonymous visitors, each staff role,
 * a system owner of one group only, a wrong API key and a key of each scope, with the status each must get. A real
 * journey runs first, so that working secrets exist (status and verification links, a download code, a processor's
 * confirmation link, a preference-center link, all read from the mail that reached the subject): no answer to any
 * caller may contain one of them.
 */
@RightsflowIntegrationTest
@TestPropertySource(properties = "rightsflow.api.keys=" + AuthorizationMatrixIntegrationTest.KEYS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTest {

    static final String OWN_KEY = "matrix-own-3d0c9a1f7b2e4d6c8a0f1e3b5d7c9a2e";
    static final String SUBMIT_KEY = "matrix-submit-6b1e8f3a0c5d7e9b2a4c6e8f0a1b3d5c";
    static final String OPTOUTS_KEY = "matrix-optouts-9a4c2e7f1b3d5a8c0e2f4b6d8a1c3e5f";
    static final String SUPPRESSION_KEY = "matrix-suppression-2f7b9d1c3e5a8f0b2d4c6e8a1f3b5d7c";
    static final String READ_OWN_KEY = "matrix-readown-5c8e0a2d4f6b9c1e3a5d7f0b2c4e6a8d";
    static final String READ_ALL_KEY = "matrix-readall-8f1b3d6a0c2e5f7b9d1a4c6e8b0d2f5a";
    static final String KEYS = "own:submit+read-own=" + OWN_KEY + ",submit:submit=" + SUBMIT_KEY
            + ",optouts:optouts=" + OPTOUTS_KEY + ",suppression:suppression=" + SUPPRESSION_KEY
            + ",readown:read-own=" + READ_OWN_KEY + ",readall:read-all=" + READ_ALL_KEY;

    static final String SUPPORT_OWNER = "support-owner";
    static final String SUPPORT_OWNER_PASSWORD = "support-owner-password";

    /** Who calls. Staff sign in with the form login; API keys send X-Api-Key; the others send nothing or a wrong key. */
    enum Caller {
        ANONYMOUS(null), ADMIN(null), DPO(null), OWNER(null), SUPPORT_OWNER(null), WRONG_KEY("not-a-configured-key"),
        SUBMIT(SUBMIT_KEY), OPTOUTS(OPTOUTS_KEY), SUPPRESSION(SUPPRESSION_KEY), READ_OWN(READ_OWN_KEY),
        READ_ALL(READ_ALL_KEY);

        final String apiKey;

        Caller(String apiKey) {
            this.apiKey = apiKey;
        }
    }

    static final Set<Caller> STAFF = EnumSet.of(Caller.ADMIN, Caller.DPO, Caller.OWNER, Caller.SUPPORT_OWNER);
    static final Set<Caller> OFFICERS = EnumSet.of(Caller.ADMIN, Caller.DPO);
    static final Set<Caller> OWNERS = EnumSet.of(Caller.OWNER, Caller.SUPPORT_OWNER);
    static final Set<Caller> KEYS_OF_ANY_SCOPE = EnumSet.of(Caller.SUBMIT, Caller.OPTOUTS, Caller.SUPPRESSION,
            Caller.READ_OWN, Caller.READ_ALL);
    /** What a redirect to the sign-in page is recorded as. */
    static final String LOGIN = "login";

    private static final Pattern SECRET_LINK = Pattern.compile(
            "https?://[^\\s]+/(verify|status|processors/confirm|preferences)/([A-Za-z0-9_-]{16,})");
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s+(\\d{6})\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SystemRegistry systems;

    @Autowired
    OptOutBatches batches;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Caller, Client> clients = new EnumMap<>(Caller.class);
    /** Every working secret the journey's mail carried (→ what it is), to look for in every answer. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private Journey access;
    private Journey deletion;
    private String downloadCode;
    private String batchReference;
    private String batchTask;
    private long shopSystem;

    @BeforeAll
    void aRealJourneyLeavesWorkingSecretsBehind() {
        staff.create(new NewStaffMember(SUPPORT_OWNER, SUPPORT_OWNER_PASSWORD, "Support Owner",
                "support-owner@example.com", EnumSet.of(StaffRole.SYSTEM_OWNER), Set.of("support-team")));
        for (Caller caller : Caller.values()) {
            clients.put(caller, new Client(caller));
        }
        shopSystem = systems.all().stream().filter(s -> s.key().equals("shop-db")).mapToLong(SystemView::id)
                .findFirst().orElseThrow();

        // An access request through the API, carried out to the end: the download code is asked for and not used.
        access = new Journey(port, "matrix-access");
        Response submitted = clients.get(Caller.ANONYMOUS).withKey(OWN_KEY).send("POST", "/api/v1/requests",
                "application/json", """
                        {"type": "ACCESS", "regime": "CCPA", "subject": {"email": "%s", "name": "Mat Rix"}}
                        """.formatted(access.email()));
        assertThat(submitted.status()).isEqualTo(201);
        access.following(json(submitted.body()).path("reference").asText());
        access.confirmFromEmail();
        access.completeTasksAs("owner", "owner", 1, "DONE", "Nothing held about this person.");
        access.confirmAsProcessor(Journey.DEMO_AGENCY, "Nothing held.");
        access.awaitMail("Our answer to your request " + access.reference());
        downloadCode = access.requestDownloadCode();

        // A deletion request through the form, verified and waiting for its systems.
        deletion = new Journey(port, "matrix-deletion");
        deletion.submit("DELETION", "GDPR", "Please delete everything.");
        deletion.confirmFromEmail();
        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        await().atMost(Journey.PATIENCE).until(() -> dpo.inboxTaskLink(deletion.reference(), "Support desk"),
                link -> link != null);

        // An opt-out batch, which the mailing agency's owners apply by hand from its list.
        String optedOut = "matrix-optout+" + System.nanoTime() + "@example.com";
        Response recorded = clients.get(Caller.OPTOUTS).send("POST", "/api/v1/optouts", "application/json",
                "{\"optOuts\": [{\"email\": \"" + optedOut + "\"}]}");
        assertThat(recorded.status()).isEqualTo(200);
        BatchView batch = batches.cutWaiting().stream().findFirst().orElseThrow();
        batchReference = batch.reference();
        batchTask = await().atMost(Journey.PATIENCE).until(() -> dpo.inboxTaskLink(batchReference, "Mailing agency"),
                link -> link != null);

        // The preference center's emailed link.
        String chooser = "matrix-preferences+" + System.nanoTime() + "@example.com";
        WebSession visitor = new WebSession(port);
        visitor.post("/preferences", visitor.get("/preferences"), Map.of("email", chooser));
        await().atMost(Journey.PATIENCE).until(() -> TestMailServer.messagesTo(chooser).size(), n -> n > 0);

        List<String> mail = new ArrayList<>();
        for (String address : List.of(access.email(), deletion.email(), chooser)) {
            TestMailServer.messagesTo(address).stream().map(TestMailServer::body).forEach(mail::add);
        }
        TestMailServer.messagesTo(Journey.DEMO_AGENCY).stream().map(TestMailServer::body)
                .filter(body -> body.contains(access.email()) || body.contains(deletion.email())).forEach(mail::add);
        for (String body : mail) {
            Matcher link = SECRET_LINK.matcher(body);
            while (link.find()) {
                secrets.put(link.group(2), "the token of a /" + link.group(1) + "/ link");
            }
        }
        assertThat(secrets).as("status, verification, processor and preference links of the journey")
                .hasSizeGreaterThanOrEqualTo(7);
        assertThat(downloadCode).matches("\\d{6}");
    }

    /** Every staff page and API endpoint, with the answer each caller gets. */
    private List<Row> matrix() {
        String a = access.reference();
        String d = deletion.reference();
        long shop = shopSystem;
        String task = batchTask;
        List<Row> rows = new ArrayList<>();
        // The inbox and tasks. POSTs go to a task nobody has: they reach the controller, which sends them back.
        rows.add(staff("GET", "/staff", "/staff").as("200", STAFF));
        rows.add(staff("GET", "/staff/tasks/{taskId}", task).as("200", Caller.ADMIN, Caller.DPO, Caller.OWNER)
                .as("302", Caller.SUPPORT_OWNER));
        rows.add(staff("GET", "/staff/tasks/{taskId}/preview", task + "/preview?system=" + shop + "&table=customers")
                .as("302", STAFF));
        for (String action : List.of("decide", "decide-appeal", "review-correction", "claim", "release", "complete",
                "exclude", "include", "release-package")) {
            rows.add(staff("POST", "/staff/tasks/{taskId}/" + action, "/staff/tasks/no-such-task/" + action)
                    .form(action.equals("include") ? "exclusion=1" : "").as("302", STAFF));
        }
        rows.add(staff("POST", "/staff/tasks/{taskId}/upload", "/staff/tasks/no-such-task/upload").upload()
                .as("302", STAFF));
        // Requests: an owner has a reduced page and may not change a request's course.
        rows.add(staff("GET", "/staff/requests", "/staff/requests").as("200", STAFF));
        rows.add(staff("GET", "/staff/requests/{reference}", "/staff/requests/" + a).as("200", STAFF));
        // The diagram of a request shows every system's part: privacy officers only.
        rows.add(staff("GET", "/staff/requests/{reference}/diagram.json", "/staff/requests/" + d + "/diagram.json")
                .as("200", OFFICERS).as("403", OWNERS));
        rows.add(staff("POST", "/staff/requests/bulk", "/staff/requests/bulk").form("action=RETRY")
                .as("400", OFFICERS).as("403", OWNERS));
        for (String action : List.of("extend", "delay", "pause", "refuse", "unlink")) {
            rows.add(staff("POST", "/staff/requests/{reference}/" + action, "/staff/requests/" + d + "/" + action)
                    .form("").as("302", OFFICERS).as("403", OWNERS));
        }
        // Systems: an owner sees and tests only the systems of their groups; admins define them.
        rows.add(staff("GET", "/staff/systems", "/staff/systems").as("200", STAFF));
        rows.add(staff("GET", "/staff/systems/{id}", "/staff/systems/" + shop)
                .as("200", Caller.ADMIN, Caller.DPO, Caller.OWNER).as("404", Caller.SUPPORT_OWNER));
        rows.add(staff("POST", "/staff/systems/{id}/test", "/staff/systems/" + shop + "/test").form("")
                .as("302", Caller.ADMIN, Caller.DPO, Caller.OWNER).as("404", Caller.SUPPORT_OWNER));
        rows.add(staff("GET", "/staff/systems/new", "/staff/systems/new").as("200", Caller.ADMIN).as("403", Caller.DPO)
                .as("403", OWNERS));
        rows.add(staff("POST", "/staff/systems/new", "/staff/systems/new").form("yaml=").adminOnly("400"));
        rows.add(staff("GET", "/staff/systems/{id}/edit", "/staff/systems/" + shop + "/edit").adminOnly("200"));
        rows.add(staff("POST", "/staff/systems/{id}/edit", "/staff/systems/" + shop + "/edit").form("yaml=")
                .adminOnly("400"));
        rows.add(staff("GET", "/staff/systems/export", "/staff/systems/export").adminOnly("200"));
        rows.add(staff("GET", "/staff/systems/discover", "/staff/systems/discover").adminOnly("200"));
        rows.add(staff("POST", "/staff/systems/discover", "/staff/systems/discover").form("key=")
                .adminOnly("400"));
        rows.add(staff("GET", "/staff/systems/import", "/staff/systems/import").adminOnly("200"));
        rows.add(staff("POST", "/staff/systems/import", "/staff/systems/import").form("yaml=").adminOnly("400"));
        rows.add(staff("POST", "/staff/systems/{id}/owner-group", "/staff/systems/" + shop + "/owner-group")
                .form("ownerGroup=no-such-group").adminOnly("400"));
        // Staff administration: admins only. POSTs are refused by the controller (400, 404), so nothing changes.
        rows.add(staff("GET", "/staff/admin", "/staff/admin").adminOnly("200"));
        rows.add(staff("GET", "/staff/admin/users", "/staff/admin/users").adminOnly("200"));
        rows.add(staff("GET", "/staff/admin/users/new", "/staff/admin/users/new").adminOnly("200"));
        rows.add(staff("POST", "/staff/admin/users/new", "/staff/admin/users/new").form("username=").adminOnly("400"));
        rows.add(staff("GET", "/staff/admin/users/{username}", "/staff/admin/users/dpo").adminOnly("200"));
        rows.add(staff("POST", "/staff/admin/users/{username}", "/staff/admin/users/dpo").form("displayName=")
                .adminOnly("400"));
        rows.add(staff("POST", "/staff/admin/users/{username}/deactivate", "/staff/admin/users/admin/deactivate")
                .form("").adminOnly("400"));
        rows.add(staff("POST", "/staff/admin/users/{username}/reactivate", "/staff/admin/users/no-such-user/reactivate")
                .form("").adminOnly("404"));
        rows.add(staff("POST", "/staff/admin/users/{username}/send-link", "/staff/admin/users/no-such-user/send-link")
                .form("").adminOnly("404"));
        rows.add(staff("GET", "/staff/admin/groups", "/staff/admin/groups").adminOnly("200"));
        rows.add(staff("POST", "/staff/admin/groups", "/staff/admin/groups").form("name=").adminOnly("400"));
        rows.add(staff("GET", "/staff/admin/groups/{name}", "/staff/admin/groups/support-team").adminOnly("200"));
        rows.add(staff("POST", "/staff/admin/groups/{name}/rename", "/staff/admin/groups/support-team/rename")
                .form("displayName=").adminOnly("400"));
        rows.add(staff("POST", "/staff/admin/groups/{name}/members", "/staff/admin/groups/no-such-group/members")
                .form("").adminOnly("404"));
        rows.add(staff("GET", "/staff/admin/timeline", "/staff/admin/timeline").adminOnly("200"));
        // An emailed set-password link is opened signed out: whoever calls, a made-up token opens nothing.
        rows.add(new Row("GET", "/staff/set-password/{token}", "/staff/set-password/no-such-token")
                .as("404", Caller.values()));
        rows.add(new Row("POST", "/staff/set-password/{token}", "/staff/set-password/no-such-token")
                .form("password=a+good+long+password&repeated=a+good+long+password").as("404", Caller.values()));
        // Opt-out batches: privacy officers; the list of people only to whom has the batch's task open.
        rows.add(staff("GET", "/staff/opt-outs", "/staff/opt-outs").as("200", OFFICERS).as("403", OWNERS));
        rows.add(staff("GET", "/staff/opt-outs/{reference}", "/staff/opt-outs/" + batchReference).as("200", OFFICERS)
                .as("403", OWNERS));
        rows.add(staff("GET", "/staff/opt-outs/{reference}/people.csv", "/staff/opt-outs/" + batchReference
                + "/people.csv").as("200", Caller.ADMIN, Caller.DPO, Caller.OWNER).as("404", Caller.SUPPORT_OWNER));
        // Incidents, calendars, records, the deadline calculator.
        rows.add(staff("GET", "/staff/incidents", "/staff/incidents").as("200", OFFICERS).as("403", OWNERS));
        rows.add(staff("POST", "/staff/incidents/retry", "/staff/incidents/retry").form("").as("302", OFFICERS)
                .as("403", OWNERS));
        rows.add(staff("GET", "/staff/calendars", "/staff/calendars").adminOnly("200"));
        rows.add(staff("GET", "/staff/calendars/{id}", "/staff/calendars/EU").adminOnly("200"));
        rows.add(staff("POST", "/staff/calendars/{id}", "/staff/calendars/EU").form("yaml=holidays%3A+%5B")
                .adminOnly("400"));
        rows.add(staff("GET", "/staff/deadlines", "/staff/deadlines").as("200", STAFF));
        rows.add(staff("GET", "/staff/records", "/staff/records").as("200", OFFICERS).as("403", OWNERS));
        rows.add(staff("GET", "/staff/records.csv", "/staff/records.csv").as("200", OFFICERS).as("403", OWNERS));
        // The record of processing activities (GDPR Art. 30) is for privacy officers.
        rows.add(staff("GET", "/staff/ropa", "/staff/ropa").as("200", OFFICERS).as("403", OWNERS));
        rows.add(staff("GET", "/staff/ropa.csv", "/staff/ropa.csv").as("200", OFFICERS).as("403", OWNERS));
        // The public transparency page: anyone's when published; here (the default) it is not, so a 404 for all.
        rows.add(new Row("GET", "/transparency", "/transparency").as("404", Caller.values()));
        // Accountability: the access log and evidence packs are for privacy officers; the key verifying packs is public.
        rows.add(staff("GET", "/staff/access-log", "/staff/access-log?request=" + a).as("200", OFFICERS)
                .as("403", OWNERS));
        rows.add(staff("GET", "/staff/evidence", "/staff/evidence").as("200", OFFICERS).as("403", OWNERS));
        rows.add(staff("GET", "/staff/evidence/requests/{reference}.zip", "/staff/evidence/requests/" + a + ".zip")
                .as("200", OFFICERS).as("403", OWNERS));
        rows.add(staff("GET", "/staff/evidence/period.zip", "/staff/evidence/period.zip?from=2026-01-01&to=2026-12-31")
                .as("200", OFFICERS).as("403", OWNERS));
        rows.add(staff("GET", "/staff/evidence/public-key.pem", "/staff/evidence/public-key.pem")
                .as("200", Caller.values()));
        // Records retention: privacy officers read what the next purge removes; only an administrator runs it at once
        // (here it finds nothing past its period: the shared context's clock is real time).
        rows.add(staff("GET", "/staff/retention", "/staff/retention").as("200", OFFICERS).as("403", OWNERS));
        rows.add(staff("POST", "/staff/retention/purge", "/staff/retention/purge").form("").adminOnly("302"));

        // The JSON API: each key only what its scopes name; a staff session reads requests as a privacy officer.
        rows.add(api("POST", "/api/v1/requests", "/api/v1/requests").json("{}").as("400", Caller.SUBMIT));
        rows.add(api("GET", "/api/v1/requests/{reference}", "/api/v1/requests/" + a)
                .as("200", OFFICERS).as("200", Caller.READ_ALL).as("404", Caller.READ_OWN));
        rows.add(api("POST", "/api/v1/optouts", "/api/v1/optouts").json("{\"optOuts\": []}").as("400", Caller.OPTOUTS));
        rows.add(api("POST", "/api/v1/suppression/check", "/api/v1/suppression/check").json("{\"emails\": []}")
                .as("400", Caller.SUPPRESSION));
        // Public, with no personal data; a callback authenticates with its own signature.
        rows.add(api("GET", "/api/v1/deadlines", "/api/v1/deadlines?regime=GDPR&type=ACCESS&received=2027-01-31")
                .as("200", Caller.ANONYMOUS).as("200", STAFF).as("200", KEYS_OF_ANY_SCOPE));
        rows.add(api("POST", "/api/v1/callbacks/{token}", "/api/v1/callbacks/no-such-token").json("{}")
                .as("404", Caller.ANONYMOUS).as("404", STAFF).as("404", KEYS_OF_ANY_SCOPE));
        return rows;
    }

    @Test
    void everyStaffPageAndApiEndpointHasARowInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/staff") || pattern.startsWith("/api")
                        || pattern.equals("/transparency"))
                .forEach(pattern -> {
                    Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                            .collect(Collectors.toSet());
                    (methods.isEmpty() ? Set.of("ANY") : methods).forEach(method -> mapped.add(method + " " + pattern));
                }));

        Set<String> inMatrix = matrix().stream().map(row -> row.method() + " " + row.pattern())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(inMatrix).as("a row for every mapped endpoint, and no row for one that is gone").isEqualTo(mapped);
    }

    @Test
    void eachCallerGetsTheExpectedAnswerAndNoAnswerHoldsASecret() {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        List<String> leaks = new ArrayList<>();
        for (Row row : matrix()) {
            for (Caller caller : Caller.values()) {
                String cell = row.method() + " " + row.path() + " as " + caller;
                Response response = clients.get(caller).send(row.method(), row.path(), row.contentType(), row.body());
                expected.put(cell, row.expected().get(caller));
                actual.put(cell, response.outcome());
                leaked(response.body()).forEach(secret -> leaks.add(cell + " shows " + secret));
            }
        }

        assertThat(actual).as("status per endpoint and caller").containsExactlyEntriesOf(expected);
        assertThat(leaks).as("answers that hold a link, token or code meant for the subject's mailbox").isEmpty();
    }

    /**
     * The insider's path of issue 10: the owner asks for a download code on the subject's status page and reads it on
     * the staff page. The owner's page has no messages at all, nor anything of the systems that are not theirs.
     */
    @Test
    void aSystemOwnerSeesWhatTheirTaskNeedsAndNothingOfTheMessagesOrTheOtherSystems() {
        String freshCode = access.requestDownloadCode();

        Response page = clients.get(Caller.SUPPORT_OWNER).send("GET", "/staff/requests/" + access.reference(), null, null);

        assertThat(page.status()).isEqualTo(200);
        String text = Jsoup.parse(page.body()).select("main").text();
        assertThat(text).contains(access.reference(), access.email(), "Mat Rix", "Due", "Support desk",
                "Nothing held about this person.");
        assertThat(text).doesNotContain("Shop customer database", "Mailing agency", "Messages", "Timeline",
                "Your download code", freshCode, downloadCode);
        assertThat(leaked(page.body())).isEmpty();

        Response officers = clients.get(Caller.DPO).send("GET", "/staff/requests/" + access.reference(), null, null);
        assertThat(Jsoup.parse(officers.body()).select("main").text())
                .as("privacy officers keep the full view").contains("Shop customer database", "Mailing agency",
                        "Messages", "Timeline");
    }

    /**
     * A system owner is offered no link they may not follow: every staff page reachable from their inbox by links is
     * visited, and each link on it must answer (a page, a download or a redirect), never a refusal or an error. The
     * privacy officer's pages are crawled too, as the control that the crawl does reach the pages.
     */
    @Test
    void noLinkOnAnyPageAStaffMemberCanReachLeadsToARefusal() {
        for (Caller caller : List.of(Caller.OWNER, Caller.SUPPORT_OWNER, Caller.DPO)) {
            Client client = clients.get(caller);
            Map<String, String> brokenLinks = new LinkedHashMap<>();
            java.util.Set<String> visited = new java.util.LinkedHashSet<>();
            java.util.ArrayDeque<String> toVisit = new java.util.ArrayDeque<>(List.of("/staff"));
            while (!toVisit.isEmpty() && visited.size() < 150) {
                String path = toVisit.poll();
                if (!visited.add(path)) {
                    continue;
                }
                Response response = client.send("GET", path, null, null);
                if (response.status() >= 400) {
                    brokenLinks.put(path, String.valueOf(response.status()));
                    continue;
                }
                if (response.status() != 200 || !response.body().contains("<html")) {
                    continue; // a redirect or a download: followed no further
                }
                for (var link : Jsoup.parse(response.body()).select("main a[href], nav a[href]")) {
                    String href = link.attr("href");
                    int fragment = href.indexOf('#');
                    href = fragment < 0 ? href : href.substring(0, fragment);
                    if (href.startsWith("/staff") && !visited.contains(href)) {
                        toVisit.add(href);
                    }
                }
            }
            assertThat(visited).as(caller + " reached pages beyond the inbox").hasSizeGreaterThan(5);
            assertThat(brokenLinks).as("links offered to " + caller + " that refuse them").isEmpty();
        }
    }

    @Test
    void aReadOwnKeyReadsTheRequestsItSubmittedAndNoOtherCanBeToldFromAnUnknownOne() throws Exception {
        Client own = clients.get(Caller.ANONYMOUS).withKey(OWN_KEY);

        Response mine = own.send("GET", "/api/v1/requests/" + access.reference(), null, null);
        Response formRequest = own.send("GET", "/api/v1/requests/" + deletion.reference(), null, null);
        Response unknown = own.send("GET", "/api/v1/requests/DSR-2026-0000000000", null, null);

        assertThat(mine.status()).isEqualTo(200);
        assertThat(json(mine.body()).path("reference").asText()).isEqualTo(access.reference());
        assertThat(formRequest.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(formRequest.body().replace(deletion.reference(), "?"))
                .isEqualTo(unknown.body().replace("DSR-2026-0000000000", "?"));
        assertThat(clients.get(Caller.READ_ALL).send("GET", "/api/v1/requests/" + deletion.reference(), null, null)
                .status()).isEqualTo(200);
    }

    /** A key's call that carried a session cookie must not leave the key's authority in that session. */
    @Test
    void anApiKeyNeverAuthenticatesTheSessionItsCallCarried() {
        Client visitor = new Client(Caller.ANONYMOUS);
        Client sameSessionWithKey = visitor.sharingSessionWithKey(READ_ALL_KEY);

        assertThat(sameSessionWithKey.send("GET", "/api/v1/requests/" + access.reference(), null, null).status())
                .isEqualTo(200);

        assertThat(visitor.send("GET", "/api/v1/requests/" + access.reference(), null, null).status())
                .as("the cookie alone is no key").isEqualTo(401);
        assertThat(visitor.send("GET", "/staff", null, null).outcome()).isEqualTo(LOGIN);
    }

    private List<String> leaked(String body) {
        List<String> found = new ArrayList<>();
        secrets.forEach((secret, what) -> {
            if (body.contains(secret)) {
                found.add(what);
            }
        });
        if (Pattern.compile("(?<![0-9A-Za-z])" + downloadCode + "(?![0-9A-Za-z])").matcher(body).find()) {
            found.add("the download code");
        }
        return found;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A staff page: whoever is not signed in as staff (a visitor, any API key) is sent to the sign-in page. */
    private static Row staff(String method, String pattern, String path) {
        Row row = new Row(method, pattern, path);
        for (Caller caller : Caller.values()) {
            if (!STAFF.contains(caller)) {
                row.expected().put(caller, LOGIN);
            }
        }
        return row;
    }

    /**
     * An API endpoint: without credentials 401, a wrong key 401 at once, any other caller 403 unless the row says
     * otherwise.
     */
    private static Row api(String method, String pattern, String path) {
        Row row = new Row(method, pattern, path);
        for (Caller caller : Caller.values()) {
            row.expected().put(caller, "403");
        }
        row.expected().put(Caller.ANONYMOUS, "401");
        row.expected().put(Caller.WRONG_KEY, "401");
        return row;
    }

    /** One endpoint of the matrix: how it is called and what each caller gets. */
    static final class Row {
        private final String method;
        private final String pattern;
        private final String path;
        private final Map<Caller, String> expected = new EnumMap<>(Caller.class);
        private String contentType;
        private String body;

        Row(String method, String pattern, String path) {
            this.method = method;
            this.pattern = pattern;
            this.path = path;
        }

        Row as(String outcome, Caller... callers) {
            for (Caller caller : callers) {
                expected.put(caller, outcome);
            }
            return this;
        }

        Row as(String outcome, Set<Caller> callers) {
            return as(outcome, callers.toArray(Caller[]::new));
        }

        Row adminOnly(String outcome) {
            return as(outcome, Caller.ADMIN).as("403", Caller.DPO, Caller.OWNER, Caller.SUPPORT_OWNER);
        }

        Row form(String encoded) {
            contentType = "application/x-www-form-urlencoded";
            body = encoded;
            return this;
        }

        Row json(String json) {
            contentType = "application/json";
            body = json;
            return this;
        }

        Row upload() {
            contentType = "multipart/form-data; boundary=" + Client.BOUNDARY;
            body = "--" + Client.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nfound by hand\r\n--" + Client.BOUNDARY + "--\r\n";
            return this;
        }

        String method() {
            return method;
        }

        String pattern() {
            return pattern;
        }

        String path() {
            return path;
        }

        Map<Caller, String> expected() {
            return expected;
        }

        String contentType() {
            return contentType;
        }

        String body() {
            return body;
        }
    }

    record Response(int status, String location, String body) {

        /** The status, with a redirect to the sign-in page told apart from any other redirect. */
        String outcome() {
            if (status / 100 == 3) {
                return URI.create(location).getPath().equals("/login") ? LOGIN : "302";
            }
            return String.valueOf(status);
        }
    }

    /**
     * One caller's HTTP session: its own cookies, no redirect followed (the matrix records the redirect itself), the
     * CSRF token of its session on every POST (so the matrix tests who may, not whether the form came from our page),
     * and its API key, if any, on every request.
     */
    final class Client {
        static final String BOUNDARY = "matrix-boundary";

        private final HttpClient http;
        private final String apiKey;
        private String csrf;

        Client(Caller caller) {
            this.http = newHttp();
            this.apiKey = caller.apiKey;
            // As a browser sent to sign in: /staff opens the session (the saved request), and the login page's token
            // is then the session's. Without it the token would be the anonymous cookie's, which stops counting the
            // moment the first GET /staff below opens a session, and every POST would meet the CSRF check first.
            send("GET", "/staff", null, null);
            this.csrf = csrfOf(send("GET", "/login", null, null));
            switch (caller) {
                case ADMIN -> login("admin", "admin");
                case DPO -> login("dpo", "dpo");
                case OWNER -> login("owner", "owner");
                case SUPPORT_OWNER -> login(SUPPORT_OWNER, SUPPORT_OWNER_PASSWORD);
                default -> {
                }
            }
        }

        private Client(String apiKey, HttpClient http) {
            this.apiKey = apiKey;
            this.http = http;
        }

        /** Another API key and no session (for the key that submitted the access request). */
        Client withKey(String key) {
            return new Client(key, newHttp());
        }

        /** The same cookies (so the same session), with an API key on every request. */
        Client sharingSessionWithKey(String key) {
            return new Client(key, http);
        }

        private void login(String username, String password) {
            Response signedIn = send("POST", "/login", "application/x-www-form-urlencoded",
                    "username=" + encode(username) + "&password=" + encode(password));
            assertThat(signedIn.outcome()).as("sign-in of " + username).isEqualTo("302");
            // Signing in gives the session a new CSRF token.
            csrf = csrfOf(send("GET", "/staff", null, null));
        }

        private String csrfOf(Response page) {
            var input = Jsoup.parse(page.body()).selectFirst("input[name=_csrf]");
            assertThat(input).as("a CSRF token on the page").isNotNull();
            return input.attr("value");
        }

        Response send(String method, String path, String contentType, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60));
            if (apiKey != null) {
                request.header("X-Api-Key", apiKey);
            }
            if (method.equals("POST")) {
                if (csrf != null) {
                    request.header("X-CSRF-TOKEN", csrf);
                }
                request.header("Content-Type", contentType == null ? "application/x-www-form-urlencoded" : contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
            } else {
                request.GET();
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                        response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static HttpClient newHttp() {
            return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
