package org.rightsflow.testsupport;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser-like HTTP session for tests: real HTTP to the running application, cookies kept, redirects followed,
 * pages parsed with jsoup. Forms carry the CSRF token of the page they came from, as a browser would.
 */
public final class WebSession {

    private final String base;
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return base;
    }

    /** From now on every request carries the Global Privacy Control signal, as a browser with GPC on sends it. */
    public WebSession sendingGpc() {
        headers.put("Sec-GPC", "1");
        return this;
    }

    /** From now on every request carries this Accept-Language, as a browser set to those languages sends it. */
    public WebSession speaking(String acceptLanguage) {
        headers.put("Accept-Language", acceptLanguage);
        return this;
    }

    /**
     * From now on every request says it comes from this client address (X-Forwarded-For, as a proxy in front of the
     * application would), for tests whose application honours forwarded headers. Use documentation addresses
     * (192.0.2.0/24, 2001:db8::/32): they are only header values, never contacted.
     */
    public WebSession from(String clientAddress) {
        headers.put("X-Forwarded-For", clientAddress);
        return this;
    }

    public Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /**
     * Fetches a page and returns only its status, the body read to its end and discarded: for measuring a page's
     * time without the cost of parsing it. A failure to answer within 30 seconds is an exception, as for {@link #get}.
     */
    public int fetch(String pathOrUrl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        headers.forEach(request::header);
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fetches a file as it is, without parsing: the status, the headers, the bytes. */
    public Download download(String pathOrUrl) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(pathOrUrl)).GET()
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""),
                    response.headers().firstValue("Cache-Control").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file as received. */
    public record Download(int status, String contentType, String contentDisposition, String cacheControl,
                           byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Posts a form with the CSRF token taken from {@code from}, the page the form is on. */
    public Page post(String pathOrUrl, Page from, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", from.csrfToken());
        return postRaw(pathOrUrl, withToken);
    }

    /**
     * Posts an already encoded form body ({@code a=1&a=2}, for fields sent more than once, as checkboxes are) with
     * the CSRF token taken from {@code from}.
     */
    public Page postEncoded(String pathOrUrl, Page from, String encodedFields) {
        String body = (encodedFields.isEmpty() ? "" : encodedFields + "&") + "_csrf=" + encode(from.csrfToken());
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts a form whose fields may repeat (several ticked checkboxes of one name), in the order given, with the CSRF
     * token taken from {@code from}.
     */
    public Page postRepeated(String pathOrUrl, Page from, java.util.List<Map.Entry<String, String>> fields) {
        String body = java.util.stream.Stream.concat(fields.stream(), java.util.stream.Stream.of(
                        Map.entry("_csrf", from.csrfToken())))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts exactly the given fields: no CSRF token unless the caller puts one in. */
    public Page postRaw(String pathOrUrl, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a multipart form with one file, and the CSRF token of the page the form is on. */
    public Page postFile(String path, Page from, String field, String fileName, String contentType, byte[] content) {
        String boundary = "----rightsflow" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + from.csrfToken()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * For a signed-in staff member: the link of the first task in their inbox of this request whose row contains
     * the text (a task name or a system), or null while there is none.
     */
    public String inboxTaskLink(String reference, String rowContains) {
        return get("/staff").document().select("tbody tr").stream()
                .filter(row -> row.text().contains(reference) && row.text().contains(rowContains))
                .map(row -> row.selectFirst("a[href^=/staff/tasks/]")).filter(java.util.Objects::nonNull)
                .map(a -> a.attr("href")).findFirst().orElse(null);
    }

    public WebSession login(String username, String password) {
        Page login = get("/login");
        Page after = post("/login", login, Map.of("username", username, "password", password));
        if (after.uri().contains("/login")) {
            throw new IllegalStateException("Login failed for " + username);
        }
        return this;
    }

    private Page send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.uri().toString(), response.body(),
                    Jsoup.parse(response.body(), response.uri().toString()), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** A page as received: status, final URL after redirects, and the parsed document. */
    public record Page(int status, String uri, String body, Document document, java.net.http.HttpHeaders headers) {

        /** A response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String csrfToken() {
            var input = document.selectFirst("input[name=_csrf]");
            if (input == null) {
                throw new IllegalStateException("No CSRF token on " + uri);
            }
            return input.attr("value");
        }

        /** The visible text of the main region, whitespace collapsed. */
        public String mainText() {
            var main = document.selectFirst("main");
            return main == null ? document.text() : main.text();
        }

        public String text(String cssSelector) {
            var element = document.selectFirst(cssSelector);
            return element == null ? null : element.text();
        }
    }
}
