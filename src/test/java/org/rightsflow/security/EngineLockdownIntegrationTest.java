package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.repository.Deployment;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signed in as ADMIN, a hostile insider deployed a model whose expression read the data keys from the Spring
 * environment. Now nothing deploys through the REST API or the webapps, expressions see only the beans our own
 * models name, no script compiles, and Camunda's authorizations let an admin read and nothing more. Real HTTP to
 * the running application.
 */
@RightsflowIntegrationTest
class EngineLockdownIntegrationTest {

    static final String LEAKING_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://evil.example">
              <process id="leak" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="read" />
                <serviceTask id="read" camunda:resultVariable="keys"
                             camunda:expression="${environment.getProperty('rightsflow.secrets.data-keys')}" />
                <sequenceFlow id="f2" sourceRef="read" targetRef="wait" />
                <userTask id="wait" />
                <sequenceFlow id="f3" sourceRef="wait" targetRef="end" />
                <endEvent id="end" />
              </process>
            </definitions>
            """;

    static final String SCRIPT_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://evil.example">
              <process id="run" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="script" />
                <scriptTask id="script" scriptFormat="javascript">
                  <script>java.lang.Runtime.getRuntime().exec("touch /tmp/owned")</script>
                </scriptTask>
                <sequenceFlow id="f2" sourceRef="script" targetRef="end" />
                <endEvent id="end" />
              </process>
            </definitions>
            """;

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Value("${rightsflow.secrets.data-keys}")
    String dataKeys;

    @Test
    void anAdminCannotDeployThroughTheRestApi() {
        long deployments = repository.createDeploymentQuery().count();
        for (String path : List.of("/engine-rest/deployment/create", "/engine-rest/engine/default/deployment/create")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basic("admin", "admin"))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofString(deploymentBody(LEAKING_MODEL))), HttpClient.newHttpClient());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).doesNotContain(secretOfDataKeys());
        }
        String someDeployment = repository.createDeploymentQuery().list().get(0).getId();
        HttpResponse<String> redeploy = send(HttpRequest.newBuilder(uri("/engine-rest/deployment/" + someDeployment + "/redeploy"))
                .header("Authorization", basic("admin", "admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), HttpClient.newHttpClient());
        assertThat(redeploy.statusCode()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).as("deployments").isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("leak").count()).isZero();
    }

    @Test
    void anAdminCannotDeployThroughTheWebapps() {
        long deployments = repository.createDeploymentQuery().count();
        StaffBrowser admin = StaffBrowser.signIn(port, "admin", "admin");
        String xsrf = admin.camundaToken();
        HttpResponse<String> response = admin.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/deployment/create"))
                .header("X-XSRF-TOKEN", xsrf)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(deploymentBody(LEAKING_MODEL))));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void camundaItselfRefusesAnAdminsDeploymentAndRightsTheyDoNotHave() {
        identity.setAuthentication("admin", List.of(CamundaStaffAccess.STAFF_ADMIN_GROUP));
        try {
            assertThatThrownBy(() -> repository.createDeployment().addString("leak.bpmn", LEAKING_MODEL).deploy())
                    .isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> identity.createMembership("admin", Groups.CAMUNDA_ADMIN))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
                .extracting(user -> user.getId()).containsExactly(CamundaStaffAccess.SETUP_GUARD_USER);
    }

    @Test
    void anExpressionSeesOnlyTheBeansOurModelsName() {
        Deployment deployment = repository.createDeployment().addString("leak.bpmn", LEAKING_MODEL).deploy();
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("leak"))
                    .hasMessageContaining("Cannot resolve identifier 'environment'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secretOfDataKeys()));
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("leak").count()).isZero();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aModelWithAScriptDoesNotDeploy() {
        assertThatThrownBy(() -> repository.createDeployment().addString("run.bpmn", SCRIPT_MODEL).deploy())
                .hasStackTraceContaining("Scripts are disabled");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("run").count()).isZero();
    }

    @Test
    void anAdminStillReadsThroughTheRestApiButChangesNothing() {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> definitions = send(HttpRequest.newBuilder(uri("/engine-rest/process-definition?latestVersion=true"))
                .header("Authorization", basic("admin", "admin")).GET(), client);
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"key\":\"data-subject-request\"", "\"key\":\"fulfil-in-system\"");
        HttpResponse<String> deployments = send(HttpRequest.newBuilder(uri("/engine-rest/deployment/count"))
                .header("Authorization", basic("admin", "admin")).GET(), client);
        assertThat(deployments.body()).doesNotContain("\"count\":0");

        HttpResponse<String> start = send(HttpRequest.newBuilder(uri("/engine-rest/process-definition/key/data-subject-request/start"))
                .header("Authorization", basic("admin", "admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), client);
        assertThat(start.statusCode()).isEqualTo(403);
        HttpResponse<String> joinAdmins = send(HttpRequest.newBuilder(uri("/engine-rest/group/camunda-admin/members/admin"))
                .header("Authorization", basic("admin", "admin")).PUT(HttpRequest.BodyPublishers.noBody()), client);
        assertThat(joinAdmins.statusCode()).isEqualTo(403);
        HttpResponse<String> newUser = send(HttpRequest.newBuilder(uri("/engine-rest/user/create"))
                .header("Authorization", basic("admin", "admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"mallory-pw-123\"}}")), client);
        assertThat(newUser.statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
    }

    @Test
    void anAdminStillReadsInCockpit() {
        StaffBrowser admin = StaffBrowser.signIn(port, "admin", "admin");
        HttpResponse<String> cockpit = admin.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.uri().getPath()).doesNotContain("setup");
        HttpResponse<String> count = admin.send(HttpRequest.newBuilder(
                uri("/camunda/api/engine/engine/default/process-definition/count")).GET());
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).doesNotContain("\"count\":0");
        HttpResponse<String> statistics = admin.send(HttpRequest.newBuilder(
                uri("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")).GET());
        assertThat(statistics.statusCode()).isEqualTo(200);
        assertThat(statistics.body()).contains("data-subject-request");
    }

    @Test
    void aFailedCamundaCsrfCheckDoesNotSignTheStaffMemberOut() {
        StaffBrowser admin = StaffBrowser.signIn(port, "admin", "admin");
        String xsrf = admin.camundaToken();
        for (String sent : new String[] {null, "not-the-token"}) {
            HttpRequest.Builder forged = HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/process-instance"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
            if (sent != null) {
                forged.header("X-XSRF-TOKEN", sent);
            }
            assertThat(admin.send(forged).statusCode()).isEqualTo(403);
            HttpResponse<String> staff = admin.send(HttpRequest.newBuilder(uri("/staff")).GET());
            assertThat(staff.statusCode()).isEqualTo(200);
            assertThat(staff.uri().getPath()).isEqualTo("/staff");
        }
        HttpResponse<String> genuine = admin.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/process-instance"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(genuine.statusCode()).isEqualTo(200);
    }

    @Test
    void camundasOwnLoginAndSetupAreShut() {
        StaffBrowser admin = StaffBrowser.signIn(port, "admin", "admin");
        String xsrf = admin.camundaToken();
        HttpResponse<String> login = admin.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=rightsflowSetupGuard&password=guess")));
        assertThat(login.statusCode()).isEqualTo(403);
        HttpResponse<String> setup = admin.send(HttpRequest.newBuilder(uri("/camunda/api/admin/setup/default/user/create"))
                .header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"x\"}}")));
        assertThat(setup.statusCode()).isEqualTo(403);
    }

    private String secretOfDataKeys() {
        return dataKeys.substring(dataKeys.indexOf('=') + 1);
    }

    private static final String BOUNDARY = "----rightsflow-lockdown";

    private static String deploymentBody(String model) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nleak\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"leak.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest.Builder request, HttpClient client) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A staff member's browser: cookies kept, redirects followed, headers readable. */
    record StaffBrowser(int port, HttpClient client) {

        static StaffBrowser signIn(int port, String username, String password) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            StaffBrowser browser = new StaffBrowser(port, client);
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(browser.uri("/login")).GET());
            String csrf = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]").attr("value");
            HttpResponse<String> after = browser.send(HttpRequest.newBuilder(browser.uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                            + encode(password) + "&_csrf=" + encode(csrf))));
            assertThat(after.uri().getPath()).as("signed in").isEqualTo("/staff");
            return browser;
        }

        /** The CSRF token Camunda's webapps hand out with the first page (and expect back in X-XSRF-TOKEN). */
        String camundaToken() {
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
            return page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            return EngineLockdownIntegrationTest.send(request, client);
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
