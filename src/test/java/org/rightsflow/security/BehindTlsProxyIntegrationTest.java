package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rightsflow behind a TLS-terminating proxy on the same host, which forwards plain HTTP with
 * {@code X-Forwarded-Proto: https}: the browser must get Secure cookies, HSTS and redirects that stay on https.
 * Real HTTP; redirects are not followed, so each response is seen as the browser sees it.
 */
@RightsflowIntegrationTest
class BehindTlsProxyIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aRedirectToTheLoginStaysOnHttps() {
        HttpResponse<String> staff = send(viaProxy("/staff").GET());
        assertThat(staff.statusCode()).isEqualTo(302);
        assertThat(staff.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("https://").endsWith("/login"));
    }

    @Test
    void signingInOverHttpsGivesASecureSessionCookieAndStaysOnHttps() {
        HttpResponse<String> loginPage = send(viaProxy("/login").GET());
        // Before signing in there is no session; the form's token is in a cookie only this site over https can set.
        assertThat(sessionCookie(loginPage)).isEmpty();
        String cookie = cookie(loginPage, "__Host-rightsflow-csrf=").orElseThrow();
        assertThat(attributes(cookie)).contains("secure", "httponly", "samesite=lax", "path=/");
        String csrf = Jsoup.parse(loginPage.body()).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> signedIn = send(viaProxy("/login").header("Cookie", nameAndValue(cookie))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=dpo&password=dpo&_csrf=" + encode(csrf))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("https://").endsWith("/staff"));
        String session = sessionCookie(signedIn).orElseThrow();
        assertThat(attributes(session)).contains("secure", "httponly", "samesite=lax");
        HttpResponse<String> inbox = send(viaProxy("/staff").header("Cookie", nameAndValue(session)).GET());
        assertThat(inbox.statusCode()).isEqualTo(200);
    }

    @Test
    void camundasCsrfCookieIsSecureOverHttpsAndPlainOverTheLocalDemo() {
        HttpResponse<String> loginPage = send(viaProxy("/login").GET());
        String csrfCookie = nameAndValue(cookie(loginPage, "__Host-rightsflow-csrf=").orElseThrow());
        String csrf = Jsoup.parse(loginPage.body()).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> signedIn = send(viaProxy("/login").header("Cookie", csrfCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin&_csrf=" + encode(csrf))));
        String session = nameAndValue(sessionCookie(signedIn).orElseThrow());

        HttpResponse<String> cockpit = send(viaProxy("/camunda/app/cockpit/default/").header("Cookie", session).GET());

        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(attributes(cookie(cockpit, "XSRF-TOKEN=").orElseThrow())).contains("secure");

        EngineLockdownIntegrationTest.StaffBrowser overHttp =
                EngineLockdownIntegrationTest.StaffBrowser.signIn(port, "admin", "admin");
        HttpResponse<String> plain = overHttp.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
        assertThat(attributes(cookie(plain, "XSRF-TOKEN=").orElseThrow())).doesNotContain("secure");
    }

    @Test
    void plainHttpKeepsWorkingWithoutSecureCookiesForTheLocalDemo() {
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(uri("/login")).GET());
        assertThat(attributes(cookie(loginPage, "rightsflow-csrf=").orElseThrow())).doesNotContain("secure")
                .contains("httponly");
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void httpsResponsesCarryHsts() {
        for (String path : List.of("/", "/login", "/engine-rest/process-definition/count")) {
            HttpResponse<String> response = send(viaProxy(path).GET());
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
        }
    }

    @Test
    void camundasPagesLeakNoReferrer() {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
        assertThat(anonymous.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        EngineLockdownIntegrationTest.StaffBrowser admin = EngineLockdownIntegrationTest.StaffBrowser.signIn(port, "admin", "admin");
        HttpResponse<String> cockpit = admin.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        HttpResponse<String> api = admin.send(HttpRequest.newBuilder(
                uri("/camunda/api/engine/engine/default/process-definition/count")).GET());
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    private HttpRequest.Builder viaProxy(String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7");
    }

    /** The Set-Cookie header of the session cookie, if the response sets one. */
    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return cookie(response, "SESSION=");
    }

    private static Optional<String> cookie(HttpResponse<?> response, String nameAndEquals) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(nameAndEquals)).findFirst();
    }

    private static String nameAndValue(String setCookie) {
        return setCookie.split(";", 2)[0];
    }

    private static List<String> attributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase()).toList();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
