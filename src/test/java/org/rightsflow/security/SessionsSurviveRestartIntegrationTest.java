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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rightsflow.testsupport.AppProcess;
import org.rightsflow.testsupport.PostgresTestDatabase;
import org.rightsflow.testsupport.ProductionSecrets;

/**
 * Sessions live in PostgreSQL: an admin signed in before the application was killed is still signed in to the
 * staff pages and to Camunda's Cockpit after it starts again, on another port (another node, no sticky session),
 * with the same cookie. The session rows show nothing of what the session holds, and not the id the cookie carries. The application runs in JVMs of
 * its own (Camunda's webapps keep engine registries in static state), on a database of its own, created empty, so
 * the production profile creates its first admin from the bootstrap password.
 */
@ExtendWith(PostgresTestDatabase.class)
class SessionsSurviveRestartIntegrationTest {

    static final String DATABASE_URL = PostgresTestDatabase.URL + "_sessions";
    static final String ADMIN_PASSWORD = "session survives the restart";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private AppProcess app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void aRestartSignsNobodyOut() throws Exception {
        recreateDatabase();
        Path log = Path.of("target", "sessions-restart-application.log");
        Files.deleteIfExists(log);

        app = AppProcess.start(log, arguments());
        signIn(app.port());
        assertThat(get(app.port(), "/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(get(app.port(), "/camunda/api/engine/engine/default/process-definition/count").statusCode())
                .isEqualTo(200);
        for (byte[] sealed : sessionAttributes()) {
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                    .doesNotContain("admin", "ROLE_", "SecurityContext", "camunda");
        }
        String sessionId = new String(Base64.getDecoder().decode(cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("SESSION")).findFirst().orElseThrow().getValue()),
                StandardCharsets.US_ASCII);
        assertThat(storedSessionIds()).as("what a copy of the database would show").doesNotContain(sessionId)
                .contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(sessionId.getBytes(StandardCharsets.US_ASCII))));
        app.kill();

        app = AppProcess.start(log, arguments());
        HttpResponse<String> inbox = get(app.port(), "/staff");
        assertThat(inbox.uri().getPath()).as("still signed in").isEqualTo("/staff");
        assertThat(inbox.statusCode()).isEqualTo(200);
        HttpResponse<String> cockpit = get(app.port(), "/camunda/api/engine/engine/default/process-definition/count");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).contains("\"count\":");
    }

    private static List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + DATABASE_URL,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                "--rightsflow.bootstrap.admin-password=" + ADMIN_PASSWORD,
                "--rightsflow.storage.directory=target/sessions-restart-files",
                "--logging.level.root=warn", "--logging.level.org.rightsflow=info"));
        ProductionSecrets.properties("submit").forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }

    private static void recreateDatabase() throws SQLException {
        String name = URI.create(DATABASE_URL.substring("jdbc:".length())).getPath().substring(1);
        String server = DATABASE_URL.substring(0, DATABASE_URL.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(server, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + name + "\" with (force)");
            statement.execute("create database \"" + name + "\"");
        }
    }

    private static List<byte[]> sessionAttributes() throws SQLException {
        List<byte[]> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(DATABASE_URL, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
             PreparedStatement query = connection.prepareStatement("select attribute_bytes from spring_session_attributes");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getBytes(1));
            }
        }
        assertThat(values).as("session attributes stored").isNotEmpty();
        return values;
    }

    private static List<String> storedSessionIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(DATABASE_URL, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
             PreparedStatement query = connection.prepareStatement("select session_id from spring_session");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private void signIn(int port) {
        HttpResponse<String> login = get(port, "/login");
        String csrf = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> after = send(HttpRequest.newBuilder(uri(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
        assertThat(after.uri().getPath()).as("signed in").isEqualTo("/staff");
    }

    private HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
