package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.RightsflowApplication;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sessions live in PostgreSQL: a staff member signed in before a restart is still signed in after it, on a node
 * that never saw the login (no sticky sessions), and so is an admin's Camunda webapp login. The session rows show
 * nothing of what the session holds.
 */
@ExtendWith(PostgresTestDatabase.class)
class SessionsSurviveRestartIntegrationTest {

    static final String OFFICER = "pgsessiondpo";
    static final String ADMIN = "pgsessionadmin";
    static final String PASSWORD = "session survives the restart";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void aRestartSignsNobodyOut() {
        String officerCookie;
        try (ConfigurableApplicationContext first = start()) {
            StaffDirectory staff = first.getBean(StaffDirectory.class);
            for (var member : Map.of(OFFICER, StaffRole.PRIVACY_OFFICER, ADMIN, StaffRole.ADMIN).entrySet()) {
                if (!staff.exists(member.getKey())) {
                    staff.create(new NewStaffMember(member.getKey(), PASSWORD, member.getKey(),
                            member.getKey() + "@example.com", EnumSet.of(member.getValue()), Set.of()));
                }
            }
            int port = port(first);
            HttpClient officer = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            signIn(officer, port, OFFICER);
            officerCookie = sessionCookie(officer);
            signIn(client, port, ADMIN);
            assertThat(send(client, port, "/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
            assertThat(send(client, port, "/camunda/api/engine/engine/default/process-definition/count").statusCode())
                    .isEqualTo(200);

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            List<byte[]> attributes = jdbc.queryForList("select a.attribute_bytes from spring_session_attributes a "
                    + "join spring_session s on s.primary_id = a.session_primary_id where s.principal_name in (?, ?)",
                    byte[].class, OFFICER, ADMIN);
            assertThat(attributes).isNotEmpty();
            for (byte[] sealed : attributes) {
                String asText = new String(sealed, StandardCharsets.ISO_8859_1);
                assertThat(asText).doesNotContain(OFFICER, ADMIN, "ROLE_", "SecurityContext", "camunda");
            }
        }

        try (ConfigurableApplicationContext second = start()) {
            int newPort = port(second);
            HttpResponse<String> inbox = send(client, newPort, "/staff");
            assertThat(inbox.uri().getPath()).as("still signed in").isEqualTo("/staff");
            assertThat(inbox.statusCode()).isEqualTo(200);
            HttpResponse<String> cockpitApi = send(client, newPort,
                    "/camunda/api/engine/engine/default/process-definition/count");
            assertThat(cockpitApi.statusCode()).isEqualTo(200);
            assertThat(cockpitApi.body()).contains("\"count\":");

            HttpClient sameCookieElsewhere = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> officerInbox = sendWithCookie(sameCookieElsewhere, newPort, "/staff", officerCookie);
            assertThat(officerInbox.uri().getPath()).isEqualTo("/staff");
        }
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>(PostgresTestDatabase.springProperties());
        properties.put("server.port", "0");
        properties.put("rightsflow.api.keys", "ci=pg-session-api-key-5b2e81c94d");
        properties.put("rightsflow.secrets.link-key", "pg-session-link-key-0c7a3f9e1b6d24a8");
        properties.put("rightsflow.secrets.data-keys", "pg-session=UGdTZXNzaW9uS2V5UGdTZXNzaW9uS2V5UGdTZXNzaW8=");
        properties.put("rightsflow.secrets.erasure-hash-key", "pg-session-erasure-hash-key-9d41c7e2");
        properties.put("rightsflow.secrets.suppression-key", "pg-session-suppression-key-3e8b06fa");
        properties.put("spring.main.banner-mode", "off");
        return new SpringApplicationBuilder(RightsflowApplication.class).profiles("postgres").properties(properties)
                .run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static void signIn(HttpClient client, int port, String username) {
        HttpResponse<String> login = send(client, port, "/login");
        String csrf = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> after = send(client, HttpRequest.newBuilder(uri(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
        assertThat(after.uri().getPath()).as("signed in as " + username).isEqualTo("/staff");
    }

    private static String sessionCookie(HttpClient client) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("SESSION")).findFirst().orElseThrow().getValue();
    }

    private static HttpResponse<String> send(HttpClient client, int port, String path) {
        return send(client, HttpRequest.newBuilder(uri(port, path)).GET());
    }

    private static HttpResponse<String> sendWithCookie(HttpClient client, int port, String path, String session) {
        return send(client, HttpRequest.newBuilder(uri(port, path)).header("Cookie", "SESSION=" + session).GET());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
